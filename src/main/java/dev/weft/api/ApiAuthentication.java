package dev.weft.api;

import dev.weft.tokens.VerifiedToken;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The authentication of an API request: the verified token. Holds no secret. */
final class ApiAuthentication extends AbstractAuthenticationToken {

    private final VerifiedToken token;

    ApiAuthentication(VerifiedToken token) {
        super(List.of(new SimpleGrantedAuthority("API_" + token.kind().name())));
        this.token = token;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public VerifiedToken getPrincipal() {
        return token;
    }
}
