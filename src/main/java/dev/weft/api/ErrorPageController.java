package dev.weft.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The container's error page ({@code /error}), reached when something fails outside any handler (a URL the
 * firewall or Tomcat rejects, an error in a filter). For an API path it answers in that version's error
 * format; for anything else it shows the dashboard's HTML error page. Never a stack trace.
 */
@Controller
class ErrorPageController implements ErrorController {

    private final ApiErrorRenderer renderer;

    ErrorPageController(ApiErrorRenderer renderer) {
        this.renderer = renderer;
    }

    @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
    Object htmlError(HttpServletRequest request) {
        if (isApi(request)) {
            return apiError(request);
        }
        HttpStatus status = status(request);
        var mav = new ModelAndView("error", status);
        mav.addObject("status", status.value());
        mav.addObject("error", status.getReasonPhrase());
        mav.addObject("message", "");
        return mav;
    }

    @RequestMapping("/error")
    ResponseEntity<Map<String, Object>> apiError(HttpServletRequest request) {
        HttpStatus status = status(request);
        ApiException error = switch (status) {
            case NOT_FOUND -> ApiException.notFound("No such route");
            case METHOD_NOT_ALLOWED -> ApiException.methodNotAllowed(request.getMethod());
            case UNAUTHORIZED -> ApiException.unauthorized("send 'Authorization: Bearer <token>'");
            case INTERNAL_SERVER_ERROR -> ApiException.serverError();
            default -> status.is4xxClientError()
                    ? new ApiException(status, "SyntaxError", "bad_request", "The request could not be read", null)
                    : ApiException.serverError();
        };
        HttpServletRequest original = new OriginalRequest(request);
        var response = ResponseEntity.status(error.status());
        renderer.headers(error).forEach(response::header);
        return response.contentType(MediaType.APPLICATION_JSON).body(renderer.body(original, error));
    }

    private static boolean isApi(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return uri instanceof String path && ApiSecurity.isApiPath(path);
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer c ? HttpStatus.resolve(c) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    /** The failed request as the renderer should see it: its own URI, not /error. */
    private static final class OriginalRequest extends jakarta.servlet.http.HttpServletRequestWrapper {
        OriginalRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getRequestURI() {
            Object uri = getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            return uri instanceof String s ? s : super.getRequestURI();
        }
    }
}
