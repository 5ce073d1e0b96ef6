package dev.weft.api;

import dev.weft.tokens.VerifiedToken;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Enforces {@link RequiredScope} before an API handler runs: a token without the scope gets 403 (v2
 * {@code missing_scopes}) with {@code WWW-Authenticate: Bearer error="insufficient_scope"} (RFC 6750 §3.1).
 * A handler that declares no scope is refused for every token, so a forgotten annotation fails closed. A handler
 * marked {@link AppTokensOnly} refuses site tokens (403 {@code forbidden}) before its scope is looked at.
 */
final class ScopeCheck implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        ApiAuthentication authentication = VerifiedTokenHolder.get(request);
        if (authentication == null) {
            return true; // not an API request (the dashboard, /docs): no token, no scopes
        }
        RequiredScope required = method.getMethodAnnotation(RequiredScope.class);
        if (required == null) {
            throw ApiException.forbidden("this route declares no scope, so no token may call it");
        }
        VerifiedToken token = authentication.getPrincipal();
        if (!token.isApp() && method.hasMethodAnnotation(AppTokensOnly.class)) {
            throw ApiException.appTokensOnly();
        }
        if (!required.value().isEmpty() && !token.scopes().contains(required.value())) {
            throw ApiException.missingScopes(required.value());
        }
        return true;
    }
}
