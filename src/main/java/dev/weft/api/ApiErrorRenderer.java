package dev.weft.api;

import dev.weft.system.Redaction;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes an {@link ApiException} in the request's API version, from filters and from handlers alike. */
@Component
class ApiErrorRenderer {

    private final JsonMapper json;
    private final String realm;

    ApiErrorRenderer(JsonMapper json, ApiProperties properties) {
        this.json = json;
        this.realm = properties.realm().replace("\"", "");
    }

    void write(HttpServletRequest request, HttpServletResponse response, ApiException error) throws IOException {
        response.setStatus(error.status().value());
        headers(error).forEach(response::setHeader);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body(request, error));
    }

    /** The headers an error answer carries: the RFC 6750 challenge on 401 and insufficient-scope 403, Retry-After on 429. */
    Map<String, String> headers(ApiException error) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(HttpHeaders.CACHE_CONTROL, "no-store");
        if (error.status().value() == 401 || error.challenge() != null) {
            headers.put(HttpHeaders.WWW_AUTHENTICATE, challenge(error));
        }
        if (error.retryAfterSeconds() > 0) {
            headers.put(HttpHeaders.RETRY_AFTER, Long.toString(error.retryAfterSeconds()));
        }
        return headers;
    }

    String challenge(ApiException error) {
        String base = "Bearer realm=\"" + realm + "\"";
        return error.challenge() == null ? base : base + ", " + error.challenge();
    }

    Map<String, Object> body(HttpServletRequest request, ApiException error) {
        ApiVersion version = ApiVersion.of(request);
        if (version == null) {
            version = ApiVersion.ofPath(request.getRequestURI());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (version == ApiVersion.V2) {
            body.put("code", error.v2Code());
            body.put("message", error.getMessage());
            body.put("externalReference", null);
            body.put("details", error.details().stream()
                    .map(d -> Map.of("param", d.param(), "description", d.description())).toList());
        } else {
            body.put("msg", error.getMessage());
            body.put("code", error.status().value());
            body.put("name", error.v1Name());
            body.put("path", Redaction.redact(request.getRequestURI())); // never echo a token sent in the path
            body.put("err", error.v1Name() + ": " + error.getMessage());
            if (!error.details().isEmpty()) {
                body.put("problems", error.details().stream()
                        .map(d -> "Field '" + d.param() + "': " + d.description()).toList());
            }
        }
        return body;
    }
}
