package dev.weft.api;

import dev.weft.system.WebflowDates;
import dev.weft.tokens.TokenVerifier;
import dev.weft.usage.UsageRecorder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API's one security filter: settles the API version (Accept-Version / api_version), reads the bearer
 * token, verifies it, applies the rate limits (per token; failed attempts per client address) and sets the
 * request's authentication. Every authenticated answer carries {@code X-RateLimit-Limit} and
 * {@code X-RateLimit-Remaining}, and a token that stops working soon also {@code Weft-Token-Expiration}. Any failure is answered here, in the
 * version's error format, before a handler runs.
 */
final class ApiAuthenticationFilter extends OncePerRequestFilter {

    /**
     * On every answer to a token that stops working within {@code weft.tokens.expiry-warning} (14 days): when
     * (fixed expiry, or the end of a rotation's overlap), as GitHub's {@code GitHub-Authentication-Token-Expiration}.
     */
    static final String EXPIRATION_HEADER = "Weft-Token-Expiration";

    private static final Set<String> V1_VERSIONS = Set.of("1.0.0");
    private static final Set<String> V2_VERSIONS = Set.of("2.0.0");

    private final TokenVerifier verifier;
    private final ApiErrorRenderer errors;
    private final ApiRateLimiter limiter;
    private final UsageRecorder usage;

    ApiAuthenticationFilter(TokenVerifier verifier, ApiErrorRenderer errors, ApiRateLimiter limiter, UsageRecorder usage) {
        this.verifier = verifier;
        this.errors = errors;
        this.limiter = limiter;
        this.usage = usage;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ApiVersion version = ApiVersion.ofPath(request.getRequestURI());
        request.setAttribute(ApiVersion.ATTRIBUTE, version);
        String tokenId = null;
        try {
            checkVersion(request, version);
            ApiAuthentication authentication = authenticate(request, response);
            tokenId = authentication.getPrincipal().tokenId();
            usage.touch(tokenId, request.getRemoteAddr(), request.getHeader("User-Agent"));
            ApiRateLimiter.Decision decision = limiter.consume(authentication.getPrincipal());
            response.setHeader("X-RateLimit-Limit", Long.toString(decision.limit()));
            response.setHeader("X-RateLimit-Remaining", Long.toString(decision.remaining()));
            if (!decision.allowed()) {
                throw ApiException.rateLimited(decision.retryAfterSeconds());
            }
            VerifiedTokenHolder.set(request, authentication);
        } catch (ApiException e) {
            errors.write(request, response, e);
            if (tokenId != null) {
                usage.count(tokenId, e.status().value());
            }
            return;
        }
        SecurityContextHolder.setContext(new SecurityContextImpl(VerifiedTokenHolder.get(request)));
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
            usage.count(tokenId, response.getStatus());
        }
    }

    private static void checkVersion(HttpServletRequest request, ApiVersion version) {
        String header = request.getHeader("Accept-Version");
        String requested = header != null ? header.strip() : request.getParameter("api_version");
        if (requested == null || requested.isEmpty()) {
            return;
        }
        Set<String> known = version == ApiVersion.V2 ? V2_VERSIONS : V1_VERSIONS;
        if (!known.contains(requested)) {
            String shown = requested.matches("[0-9A-Za-z.\\-]{1,20}") ? " '" + requested + "'" : "";
            throw ApiException.invalidVersion("The API version" + shown + " is not supported on "
                    + (version == ApiVersion.V2 ? "/v2 routes: leave Accept-Version out"
                            : "this route: send Accept-Version: 1.0.0 or leave it out"));
        }
    }

    private ApiAuthentication authenticate(HttpServletRequest request, HttpServletResponse response) {
        if (request.getParameter("access_token") != null) {
            throw ApiException.unauthorized("tokens are not accepted in the URL (access_token): "
                    + "send the token in the Authorization header as 'Bearer <token>', and regenerate it, since "
                    + "URLs end up in logs and browser history");
        }
        var headers = Collections.list(request.getHeaders(HttpHeaders.AUTHORIZATION));
        if (headers.size() > 1) {
            throw ApiException.unauthorized("more than one Authorization header was sent: send exactly one");
        }
        BearerHeader.Parsed parsed = BearerHeader.parse(headers.isEmpty() ? null : headers.getFirst());
        String address = request.getRemoteAddr();
        if (parsed instanceof BearerHeader.Parsed.Token || parsed instanceof BearerHeader.Parsed.Problem p && p.tokenSent()) {
            long blocked = limiter.addressBlockedForSeconds(address);
            if (blocked > 0) {
                throw ApiException.tooManyFailedAttempts(blocked);
            }
        }
        return switch (parsed) {
            case BearerHeader.Parsed.Problem p when p.tokenSent() -> {
                limiter.recordFailure(address);
                throw ApiException.invalidToken(p.message());
            }
            case BearerHeader.Parsed.Problem p -> throw ApiException.unauthorized(p.message());
            case BearerHeader.Parsed.Token t -> switch (verifier.verify(t.value())) {
                case TokenVerifier.Result.Valid v -> {
                    if (v.expiresAt() != null) {
                        response.setHeader(EXPIRATION_HEADER, WebflowDates.format(v.expiresAt()));
                    }
                    yield new ApiAuthentication(v.token());
                }
                case TokenVerifier.Result.Invalid i -> {
                    limiter.recordFailure(address);
                    throw ApiException.invalidToken(i.reason());
                }
            };
        };
    }
}
