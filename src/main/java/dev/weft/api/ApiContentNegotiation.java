package dev.weft.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.accept.ContentNegotiationStrategy;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;
import org.springframework.web.context.request.NativeWebRequest;

/** The API answers JSON whatever the {@code Accept} header says; other pages negotiate as usual. */
final class ApiContentNegotiation implements ContentNegotiationStrategy {

    private static final List<MediaType> JSON = List.of(MediaType.APPLICATION_JSON);
    private final HeaderContentNegotiationStrategy header = new HeaderContentNegotiationStrategy();

    @Override
    public List<MediaType> resolveMediaTypes(NativeWebRequest request)
            throws org.springframework.web.HttpMediaTypeNotAcceptableException {
        HttpServletRequest servletRequest = request.getNativeRequest(HttpServletRequest.class);
        if (servletRequest != null && ApiVersion.of(servletRequest) != null) {
            return JSON;
        }
        return header.resolveMediaTypes(request);
    }
}
