package dev.weft.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The API's one error renderer for handlers: every exception on an API request becomes the version's
 * error body; nothing else (no stack trace, no framework page) reaches an API client. Exceptions on
 * non-API requests are passed on to the dashboard's handling.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final ApiErrorRenderer renderer;

    ApiExceptionHandler(ApiErrorRenderer renderer) {
        this.renderer = renderer;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Map<String, Object>> api(ApiException e, HttpServletRequest request) throws ApiException {
        if (ApiVersion.of(request) == null) {
            throw e;
        }
        var response = ResponseEntity.status(e.status());
        renderer.headers(e).forEach(response::header);
        return response.body(renderer.body(request, e));
    }

    @ExceptionHandler(dev.weft.cms.CmsException.class)
    ResponseEntity<Map<String, Object>> cms(dev.weft.cms.CmsException e, HttpServletRequest request) throws Exception {
        return onApi(request, e, CmsApi.toApi(e));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Map<String, Object>> noRoute(NoResourceFoundException e, HttpServletRequest request) throws Exception {
        return onApi(request, e, ApiException.notFound("No such route"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request)
            throws Exception {
        return onApi(request, e, ApiException.methodNotAllowed(e.getMethod()));
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MissingServletRequestParameterException.class,
            MethodArgumentTypeMismatchException.class, HttpMediaTypeException.class, MultipartException.class})
    ResponseEntity<Map<String, Object>> badRequest(Exception e, HttpServletRequest request) throws Exception {
        return onApi(request, e, ApiException.badRequest("The request could not be read: check its body and parameters"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception e, HttpServletRequest request) throws Exception {
        if (ApiVersion.of(request) != null) {
            log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        }
        return onApi(request, e, ApiException.serverError());
    }

    private ResponseEntity<Map<String, Object>> onApi(HttpServletRequest request, Exception cause, ApiException e)
            throws Exception {
        if (ApiVersion.of(request) == null) {
            throw cause;
        }
        return api(e, request);
    }
}
