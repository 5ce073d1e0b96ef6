package dev.weft.api;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * The one error type of the Data API. Rendered as Webflow's v1 body ({@code msg, code, name, path, err})
 * or v2 body ({@code code, message, externalReference, details}) by the version of the request.
 *
 * @param v1Name v1 error name ({@code NotFound})
 * @param v2Code v2 error code ({@code resource_not_found})
 * @param challenge the RFC 6750 parameters of a 401's or 403's {@code WWW-Authenticate}, e.g.
 *     {@code error="invalid_token"}; null for none
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String v1Name;
    private final String v2Code;
    private final String challenge;
    private final long retryAfterSeconds;
    private final List<Detail> details;

    /** One invalid input of a validation error: v2 {@code details[]} entry, v1 {@code problems[]} line. */
    public record Detail(String param, String description) {}

    ApiException(HttpStatus status, String v1Name, String v2Code, String message, String challenge) {
        this(status, v1Name, v2Code, message, challenge, 0);
    }


    private ApiException(HttpStatus status, String v1Name, String v2Code, String message, String challenge,
            long retryAfterSeconds) {
        this(status, v1Name, v2Code, message, challenge, retryAfterSeconds, List.of());
    }

    private ApiException(HttpStatus status, String v1Name, String v2Code, String message, String challenge,
            long retryAfterSeconds, List<Detail> details) {
        super(message, null, false, false);
        this.status = status;
        this.v1Name = v1Name;
        this.v2Code = v2Code;
        this.challenge = challenge;
        this.retryAfterSeconds = retryAfterSeconds;
        this.details = List.copyOf(details);
    }

    /**
     * Invalid input (v1 {@code ValidationError} with {@code problems}, v2 {@code validation_error} with
     * {@code details}), one detail per field.
     */
    public static ApiException validation(List<Detail> details) {
        String first = details.isEmpty() ? "input" : details.getFirst().param();
        return new ApiException(HttpStatus.BAD_REQUEST, "ValidationError", "validation_error",
                "Validation Error: '" + first + "' invalid input", null, 0, details);
    }

    /** The request conflicts with the resource's state (v1 {@code Conflict}, v2 {@code conflict}). */
    public static ApiException conflict(String message) {
        return new ApiException(HttpStatus.CONFLICT, "Conflict", "conflict", message, null);
    }

    /** The token's requests-per-minute limit is used up (Webflow: v1 RateLimit, v2 too_many_requests). */
    static ApiException rateLimited(long retryAfterSeconds) {
        return new ApiException(HttpStatus.TOO_MANY_REQUESTS, "RateLimit", "too_many_requests",
                "Too Many Requests: rate limit hit, retry after " + retryAfterSeconds + " seconds", null,
                retryAfterSeconds);
    }

    /** Too many failed token attempts from the caller's address. */
    static ApiException tooManyFailedAttempts(long retryAfterSeconds) {
        return new ApiException(HttpStatus.TOO_MANY_REQUESTS, "RateLimit", "too_many_requests",
                "Too Many Requests: too many failed token attempts from this address, retry after "
                        + retryAfterSeconds + " seconds", null, retryAfterSeconds);
    }

    /** The body is not valid (Webflow: v1 ValidationError with problems, v2 validation_error with details). */
    public static ApiException validation(String message, List<Detail> details) {
        return new ApiException(HttpStatus.BAD_REQUEST, "ValidationError", "validation_error", message, null, 0,
                details);
    }

    /** A per-operation limit (e.g. one site publish a minute) is used up: 429 with {@code Retry-After}. */
    public static ApiException tooManyRequests(String message, long retryAfterSeconds) {
        return new ApiException(HttpStatus.TOO_MANY_REQUESTS, "RateLimit", "too_many_requests", message, null,
                Math.max(1, retryAfterSeconds));
    }

    public static ApiException notFound(String what) {
        return new ApiException(HttpStatus.NOT_FOUND, "NotFound", "resource_not_found",
                "Requested resource not found: " + what, null);
    }

    /** No usable credentials were sent (no header, or a header that is not a bearer token). */
    static ApiException unauthorized(String detail) {
        return new ApiException(HttpStatus.UNAUTHORIZED, "Unauthorized", "not_authorized",
                "Request not authorized: " + detail, null);
    }

    /** A token was sent but is not valid. */
    static ApiException invalidToken(String detail) {
        return new ApiException(HttpStatus.UNAUTHORIZED, "Unauthorized", "not_authorized",
                "Request not authorized: " + detail,
                "error=\"invalid_token\", error_description=\"" + detail.replace("\"", "'") + "\"");
    }

    /** The token lacks the route's scope (Webflow v2 {@code missing_scopes}; RFC 6750 insufficient_scope). */
    static ApiException missingScopes(String scope) {
        return new ApiException(HttpStatus.FORBIDDEN, "OAuthForbidden", "missing_scopes",
                "OAuthForbidden: You are missing the following scopes - " + scope,
                "error=\"insufficient_scope\", scope=\"" + scope + "\"");
    }

    static ApiException forbidden(String detail) {
        return new ApiException(HttpStatus.FORBIDDEN, "Forbidden", "forbidden", "Forbidden: " + detail, null);
    }

    /** A site token on a route for app tokens only (Webflow: site tokens cannot call {@code /token/*}). */
    static ApiException appTokensOnly() {
        return forbidden("site API tokens cannot call the /v2/token/* endpoints, which are for app (OAuth) tokens"
                + " only, as at Webflow. To see what a site token reaches and who issued it, call GET /v2/sites"
                + " (or v1 GET /info)");
    }

    static ApiException invalidVersion(String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, "InvalidAPIVersion", "unsupported_version", detail, null);
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, "SyntaxError", "bad_request", detail, null);
    }

    static ApiException methodNotAllowed(String method) {
        return new ApiException(HttpStatus.METHOD_NOT_ALLOWED, "MethodNotAllowed", "bad_request",
                "The method " + method + " is not allowed on this route", null);
    }

    static ApiException serverError() {
        return new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "ServerError", "internal_error",
                "An Internal Error occurred", null);
    }

    public HttpStatus status() {
        return status;
    }

    public String v1Name() {
        return v1Name;
    }

    public String v2Code() {
        return v2Code;
    }

    public String challenge() {
        return challenge;
    }

    /** The invalid inputs of a validation error; empty for other errors. */
    public List<Detail> details() {
        return details;
    }

    /** Seconds for {@code Retry-After}; 0 for none. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
