package dev.weft.leaks;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /credentials/revoke}: GitHub's credential revocation API, for Weft's credentials. No
 * authentication; rate-limited per client address. Whatever the list held — valid tokens, revoked ones,
 * garbage — the answer is the same {@code 202 {}}, with the same headers, so it tells nothing about any token.
 * A body that is not a report is 400 (415 when not JSON), with a message about its shape only. Nothing of the
 * body is logged.
 */
@RestController
class LeakReportController {

    static final String PATH = "/credentials/revoke";
    private static final byte[] ACCEPTED = "{}".getBytes(StandardCharsets.US_ASCII);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LeakReports reports;
    private final LeakReportLimiter limiter;

    LeakReportController(LeakReports reports, LeakReportLimiter limiter) {
        this.reports = reports;
        this.limiter = limiter;
    }

    @PostMapping(PATH)
    void revoke(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String address = request.getRemoteAddr();
        long retryAfter = limiter.retryAfterSeconds(address);
        if (retryAfter > 0) {
            response.setHeader("Retry-After", Long.toString(retryAfter));
            write(response, 429, error("too_many_requests", "Too many reports from this address: retry after "
                    + retryAfter + " seconds."));
            return;
        }
        LeakReportRequest report;
        try {
            report = LeakReportRequest.read(request.getContentType(), request.getInputStream());
        } catch (LeakReportRequest.Invalid e) {
            write(response, e.status(), error(e.code(), e.getMessage()));
            return;
        }
        reports.report(report.credentials(), report.note(), address);
        write(response, 202, ACCEPTED);
    }

    private static byte[] error(String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        return JSON.writeValueAsBytes(body);
    }

    private static void write(HttpServletResponse response, int status, byte[] body) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
