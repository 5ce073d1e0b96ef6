package dev.weft.oauth.server;

import dev.weft.tokens.TokenFormat;
import dev.weft.tokens.TokenKind;
import java.time.Clock;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

/**
 * Access tokens of apps: opaque reference tokens {@code weft_app_…} that live until revoked (no expiry, no
 * refresh token, as at Webflow). Nothing else is generated (no refresh or ID tokens).
 */
final class AppTokenGenerator implements OAuth2TokenGenerator<OAuth2AccessToken> {

    private final Clock clock;

    AppTokenGenerator(Clock clock) {
        this.clock = clock;
    }

    @Override
    public OAuth2AccessToken generate(OAuth2TokenContext context) {
        if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            return null;
        }
        return new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, TokenFormat.generate(TokenKind.APP),
                clock.instant(), null, context.getAuthorizedScopes());
    }
}
