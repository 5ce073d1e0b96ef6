package dev.weft.oauth.server;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AccessTokenAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every answer of the authorization server in one place: RFC 6749 JSON errors ({@code invalid_client} 401,
 * others 400; a fixed description, never a secret), the token response
 * ({@code {access_token, token_type:"bearer", scope}}, {@code Cache-Control: no-store}), Webflow's
 * {@code {did_revoke, didRevoke}}, and for {@code /oauth/authorize} either a redirect back to the app with
 * {@code error} and {@code state}, or — when the client or redirect URI cannot be trusted — Weft's HTML error page.
 */
@Component
class OAuthResponses {

    static final String ERROR_PAGE = "/oauth/error";
    static final String ERROR_MESSAGE = OAuthResponses.class.getName() + ".message";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ClientAuthThrottle throttle;

    OAuthResponses(ClientAuthThrottle throttle) {
        this.throttle = throttle;
    }

    // --- /oauth/authorize ---------------------------------------------------------------------------------

    void authorizeFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException, ServletException {
        if (e instanceof ConsentTargets.PickRequired pick) {
            response.sendRedirect(UriComponentsBuilder.fromPath(request.getContextPath() + ConsentController.PATH)
                    .queryParam("client_id", pick.clientId).queryParam("state", pick.consentState)
                    .queryParam("error", "pick").encode().build().toUriString());
            return;
        }
        OAuth2Error error = ((OAuth2AuthenticationException) e).getError();
        OAuth2AuthorizationCodeRequestAuthenticationToken authorization =
                e instanceof OAuth2AuthorizationCodeRequestAuthenticationException r ? r.getAuthorizationCodeRequestAuthentication() : null;
        if (authorization == null || !StringUtils.hasText(authorization.getRedirectUri())) {
            request.setAttribute(ERROR_MESSAGE, authorizeErrorMessage(error));
            request.getRequestDispatcher(ERROR_PAGE).forward(request, response);
            return;
        }
        UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(authorization.getRedirectUri())
                .queryParam("error", error.getErrorCode());
        if (StringUtils.hasText(error.getDescription())) {
            uri.queryParam("error_description", UriUtils.encode(error.getDescription(), StandardCharsets.UTF_8));
        }
        if (StringUtils.hasText(authorization.getState())) {
            uri.queryParam("state", UriUtils.encode(authorization.getState(), StandardCharsets.UTF_8));
        }
        response.sendRedirect(uri.build(true).toUriString());
    }

    private static String authorizeErrorMessage(OAuth2Error error) {
        String description = error.getDescription() == null ? "" : error.getDescription();
        if (description.endsWith("client_id")) {
            return "No app is registered with this client_id. Check the link of the app that sent you here.";
        }
        if (description.endsWith("redirect_uri")) {
            return "The redirect_uri is not one this app registered, so Weft will not send you back to it.";
        }
        if (description.endsWith("state")) {
            return "This authorization request has expired or was already answered. Start again from the app.";
        }
        return "This authorization request is not valid (" + error.getErrorCode() + "). Start again from the app.";
    }

    // --- token endpoint -------------------------------------------------------------------------------------

    void tokenIssued(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        OAuth2AccessToken token = ((OAuth2AccessTokenAuthenticationToken) authentication).getAccessToken();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", token.getTokenValue());
        body.put("token_type", "bearer");
        body.put("scope", String.join(" ", ScopeDescriptions.ordered(token.getScopes())));
        write(response, HttpServletResponse.SC_OK, body);
    }

    /** Failures at the token, revocation and introspection endpoints (after client authentication). */
    void endpointFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        OAuth2Error error = e instanceof OAuth2AuthenticationException o ? o.getError()
                : new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST);
        if (OAuthRequestFilter.isRfc7009Revocation(request) && error.getErrorCode().equals("invalid_token")) {
            revoked(request, response, null); // RFC 7009 §2.2: an invalid token is not an error
            return;
        }
        writeError(request, response, error.getErrorCode());
    }

    void clientAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        String code = e instanceof OAuth2AuthenticationException o ? o.getError().getErrorCode() : OAuth2ErrorCodes.INVALID_CLIENT;
        if (code.equals(OAuth2ErrorCodes.INVALID_CLIENT)) {
            throttle.recordFailure(request.getRemoteAddr());
        }
        writeError(request, response, code);
    }

    void revoked(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        if (OAuthRequestFilter.isWebflowRevocation(request)) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("did_revoke", true);
            body.put("didRevoke", true);
            write(response, HttpServletResponse.SC_OK, body);
        } else {
            response.setHeader("Cache-Control", "no-store");
            response.setStatus(HttpServletResponse.SC_OK);
        }
    }

    void writeError(HttpServletRequest request, HttpServletResponse response, String code) throws IOException {
        int status = code.equals(OAuth2ErrorCodes.INVALID_CLIENT) ? HttpServletResponse.SC_UNAUTHORIZED
                : HttpServletResponse.SC_BAD_REQUEST;
        if (status == HttpServletResponse.SC_UNAUTHORIZED) {
            String authorization = request.getHeader("Authorization");
            if (authorization != null && authorization.regionMatches(true, 0, "Basic", 0, 5)) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"Weft\"");
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("error_description", description(code));
        write(response, status, body);
    }

    void tooManyFailures(HttpServletResponse response, long retryAfterSeconds) throws IOException {
        response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", OAuth2ErrorCodes.INVALID_CLIENT);
        body.put("error_description", "Too many failed client authentications from this address; try again in "
                + retryAfterSeconds + " s");
        write(response, 429, body);
    }

    private static String description(String code) {
        return switch (code) {
            case OAuth2ErrorCodes.INVALID_CLIENT -> "Client authentication failed: unknown client_id or wrong client_secret";
            case OAuth2ErrorCodes.INVALID_GRANT -> "The code is invalid, expired or already used, or does not match "
                    + "this client, its redirect_uri or its code_verifier";
            case OAuth2ErrorCodes.UNSUPPORTED_GRANT_TYPE -> "Only grant_type=authorization_code is supported";
            case OAuth2ErrorCodes.UNAUTHORIZED_CLIENT -> "This client may only use grant_type=authorization_code";
            case OAuth2ErrorCodes.INVALID_SCOPE -> "The scope is not valid for this client";
            case "invalid_token" -> "The access token is unknown, already revoked, or was not issued to this app";
            case "unsupported_token_type" -> "Only access tokens can be revoked";
            default -> "The request is missing a parameter, repeats one, or is malformed";
        };
    }

    static void write(HttpServletResponse response, int status, Map<String, Object> body) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Pragma", "no-cache");
        JSON.writeValue(response.getOutputStream(), body);
    }
}
