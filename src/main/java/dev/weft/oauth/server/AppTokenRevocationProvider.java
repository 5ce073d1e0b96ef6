package dev.weft.oauth.server;

import dev.weft.oauth.AppAuthorizations;
import dev.weft.tokens.TokenDigester;
import dev.weft.tokens.TokenFormat;
import dev.weft.tokens.TokenKind;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenIntrospection;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenIntrospectionAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2TokenRevocationAuthenticationToken;

/**
 * Revocation ({@code POST /oauth/revoke}, RFC 7009, and Webflow's {@code POST /oauth/revoke_authorization}) and
 * introspection ({@code POST /oauth/introspect}, RFC 7662) of app access tokens, for the authenticated client
 * and only its own tokens. Revoking ends the authorization at once on every node. An unknown, foreign or
 * already revoked token is {@code invalid_token} (turned into a plain 200 at the RFC 7009 endpoint).
 */
final class AppTokenRevocationProvider implements AuthenticationProvider {

    private final AppAuthorizations authorizations;
    private final TokenDigester digester;

    AppTokenRevocationProvider(AppAuthorizations authorizations, TokenDigester digester) {
        this.authorizations = authorizations;
        this.digester = digester;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        if (authentication instanceof OAuth2TokenIntrospectionAuthenticationToken introspection) {
            return introspect(introspection);
        }
        var revocation = (OAuth2TokenRevocationAuthenticationToken) authentication;
        OAuth2ClientAuthenticationToken client = client(revocation.getPrincipal());
        Optional<AppAuthorizations.Live> live = live(client, revocation.getToken());
        if (live.isEmpty() || !authorizations.revokeByApp(live.get().id(), AppAuthorizations.REVOKED_BY_APP,
                ClientAddress.current())) {
            throw new OAuth2AuthenticationException("invalid_token");
        }
        return new OAuth2TokenRevocationAuthenticationToken(
                new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, revocation.getToken(), null, null), client);
    }

    private Authentication introspect(OAuth2TokenIntrospectionAuthenticationToken introspection) {
        OAuth2ClientAuthenticationToken client = client(introspection.getPrincipal());
        OAuth2TokenIntrospection claims = live(client, introspection.getToken())
                .map(l -> OAuth2TokenIntrospection.builder(true)
                        .clientId(client.getRegisteredClient().getClientId())
                        .scopes(s -> s.addAll(l.scopes()))
                        .tokenType(OAuth2AccessToken.TokenType.BEARER.getValue())
                        .issuedAt(l.createdAt())
                        .build())
                .orElseGet(() -> OAuth2TokenIntrospection.builder().build());
        return new OAuth2TokenIntrospectionAuthenticationToken(introspection.getToken(), client, claims);
    }

    private Optional<AppAuthorizations.Live> live(OAuth2ClientAuthenticationToken client, String token) {
        if (!(TokenFormat.parse(token) instanceof TokenFormat.Parsed.WellFormed wf) || wf.kind() != TokenKind.APP) {
            return Optional.empty();
        }
        return authorizations.liveByToken(client.getRegisteredClient().getId(), digester.digest(token));
    }

    private static OAuth2ClientAuthenticationToken client(Object principal) {
        if (principal instanceof OAuth2ClientAuthenticationToken client && client.isAuthenticated()
                && client.getRegisteredClient() != null) {
            return client;
        }
        throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return OAuth2TokenRevocationAuthenticationToken.class.isAssignableFrom(authentication)
                || OAuth2TokenIntrospectionAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
