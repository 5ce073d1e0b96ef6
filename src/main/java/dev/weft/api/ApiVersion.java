package dev.weft.api;

import jakarta.servlet.http.HttpServletRequest;

/** The Webflow API version a request speaks: v1 at the root, v2 under {@code /v2}. */
public enum ApiVersion {
    V1,
    V2;

    static final String ATTRIBUTE = ApiVersion.class.getName();

    static ApiVersion ofPath(String path) {
        return path.equals("/v2") || path.startsWith("/v2/") ? V2 : V1;
    }

    /** The version set on the request by the API filter, or null if it is not an API request. */
    static ApiVersion of(HttpServletRequest request) {
        return (ApiVersion) request.getAttribute(ATTRIBUTE);
    }
}
