package dev.weft.api;

import dev.weft.tokens.TokenVerifier;
import dev.weft.usage.UsageRecorder;
import jakarta.servlet.Filter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

/** What the API's security chain is made of; the chain itself is assembled in {@code system.SecurityConfig}. */
@Component
public class ApiSecurity {

    private final TokenVerifier verifier;
    private final ApiErrorRenderer errors;
    private final ApiRateLimiter limiter;
    private final UsageRecorder usage;

    ApiSecurity(TokenVerifier verifier, ApiErrorRenderer errors, ApiRateLimiter limiter, UsageRecorder usage) {
        this.verifier = verifier;
        this.errors = errors;
        this.limiter = limiter;
        this.usage = usage;
    }

    /** The Data API's routes: v1 at the root, v2 under {@code /v2}. */
    public static RequestMatcher paths() {
        var paths = PathPatternRequestMatcher.withDefaults();
        return new OrRequestMatcher(
                paths.matcher("/info"), paths.matcher("/user"), paths.matcher("/sites"), paths.matcher("/sites/**"),
                paths.matcher("/collections/**"), paths.matcher("/webhooks/**"), paths.matcher("/v2"),
                paths.matcher("/v2/**"));
    }

    /** True for a path of the Data API (the same set as {@link #paths()}). */
    static boolean isApiPath(String path) {
        return path.equals("/info") || path.equals("/user") || path.equals("/sites") || path.startsWith("/sites/")
                || path.startsWith("/collections/") || path.startsWith("/webhooks/") || path.equals("/v2")
                || path.startsWith("/v2/");
    }

    /** A new instance of the API's token filter (not a bean, so it is not also registered for every URL). */
    public Filter authenticationFilter() {
        return new ApiAuthenticationFilter(verifier, errors, limiter, usage);
    }

    public AuthenticationEntryPoint entryPoint() {
        return (request, response, e) -> errors.write(request, response,
                ApiException.unauthorized("no Authorization header was sent: send 'Authorization: Bearer <token>'"));
    }

    public AccessDeniedHandler accessDeniedHandler() {
        return (request, response, e) -> errors.write(request, response,
                new ApiException(org.springframework.http.HttpStatus.FORBIDDEN, "Forbidden", "forbidden",
                        "The token may not do this", null));
    }
}
