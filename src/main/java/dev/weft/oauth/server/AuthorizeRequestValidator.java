package dev.weft.oauth.server;

import dev.weft.tokens.Scopes;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.util.StringUtils;

/**
 * Weft's rules for {@code GET /oauth/authorize} (Webflow's), in place of Spring Authorization Server's default
 * redirect-URI and scope checks: the redirect URI must be one the app registered, exactly (no loopback port
 * relaxation) — or be left out when the app has exactly one; otherwise an error page, never a redirect. Every
 * requested scope must be a Webflow scope the app registered, else a redirect with {@code invalid_scope} naming
 * them ({@code The following scopes are invalid: openid}). A state longer than 1,000 characters is refused.
 */
final class AuthorizeRequestValidator implements Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> {

    static final int MAX_STATE = 1000;

    @Override
    public void accept(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
        OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
        RegisteredClient client = context.getRegisteredClient();
        String requested = request.getRedirectUri();
        if (StringUtils.hasText(requested) ? !client.getRedirectUris().contains(requested)
                : client.getRedirectUris().size() != 1) {
            throw error(OAuth2ErrorCodes.INVALID_REQUEST, "OAuth 2.0 Parameter: redirect_uri", request, null);
        }
        String redirectUri = StringUtils.hasText(requested) ? requested : client.getRedirectUris().iterator().next();
        if (request.getState() != null && request.getState().length() > MAX_STATE) {
            throw error(OAuth2ErrorCodes.INVALID_REQUEST, "OAuth 2.0 Parameter: state", request, null);
        }
        List<String> invalid = request.getScopes().stream()
                .filter(s -> !Scopes.ALL.contains(s) || !client.getScopes().contains(s)).sorted().toList();
        if (!invalid.isEmpty()) {
            throw error(OAuth2ErrorCodes.INVALID_SCOPE,
                    "The following scopes are invalid: " + String.join(", ", invalid), request, redirectUri);
        }
        if (request.getScopes().isEmpty()) {
            throw error(OAuth2ErrorCodes.INVALID_SCOPE, "Ask for at least one scope", request, redirectUri);
        }
    }

    /** An error shown on Weft's page ({@code redirectUri} null) or sent back to the app's redirect URI. */
    private static OAuth2AuthorizationCodeRequestAuthenticationException error(String code, String description,
            OAuth2AuthorizationCodeRequestAuthenticationToken request, String redirectUri) {
        String state = request.getState() != null && request.getState().length() <= MAX_STATE ? request.getState() : null;
        var result = new OAuth2AuthorizationCodeRequestAuthenticationToken(request.getAuthorizationUri(),
                request.getClientId(), (org.springframework.security.core.Authentication) request.getPrincipal(),
                redirectUri, state, request.getScopes(), request.getAdditionalParameters());
        return new OAuth2AuthorizationCodeRequestAuthenticationException(new OAuth2Error(code, description, null), result);
    }
}
