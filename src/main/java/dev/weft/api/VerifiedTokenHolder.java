package dev.weft.api;

import dev.weft.tokens.VerifiedToken;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Carries the request's verified token from the filter to handlers, which take it as a parameter. */
final class VerifiedTokenHolder implements HandlerMethodArgumentResolver {

    private static final String ATTRIBUTE = VerifiedTokenHolder.class.getName();

    static void set(HttpServletRequest request, ApiAuthentication authentication) {
        request.setAttribute(ATTRIBUTE, authentication);
    }

    static ApiAuthentication get(HttpServletRequest request) {
        return (ApiAuthentication) request.getAttribute(ATTRIBUTE);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == VerifiedToken.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest webRequest,
            WebDataBinderFactory binderFactory) {
        ApiAuthentication authentication = get(webRequest.getNativeRequest(HttpServletRequest.class));
        if (authentication == null) {
            throw ApiException.unauthorized("no Authorization header was sent: send 'Authorization: Bearer <token>'");
        }
        return authentication.getPrincipal();
    }
}
