package dev.weft.oauth.server;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ServletRequestPathUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts Webflow-style requests into the shape Spring Authorization Server reads, before any of its filters:
 * {@code POST /oauth/access_token} is the token endpoint {@code /oauth/token}; {@code POST
 * /oauth/revoke_authorization} is the revocation endpoint {@code /oauth/revoke} with {@code access_token} as
 * {@code token}; a JSON body becomes parameters; and {@code scope} on {@code /oauth/authorize} may be separated
 * by {@code +} (older SDKs send {@code %2B}) as well as by spaces. Addresses with too many failed client
 * authentications get 429 at the token and revocation endpoints.
 */
final class OAuthRequestFilter extends OncePerRequestFilter {

    static final String TOKEN = "/oauth/token";
    static final String TOKEN_ALIAS = "/oauth/access_token";
    static final String REVOKE = "/oauth/revoke";
    static final String WEBFLOW_REVOKE = "/oauth/revoke_authorization";
    static final String INTROSPECT = "/oauth/introspect";
    static final String AUTHORIZE = "/oauth/authorize";
    private static final String WEBFLOW_REVOCATION = OAuthRequestFilter.class.getName() + ".webflowRevocation";
    private static final int MAX_JSON_BYTES = 64 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OAuthResponses responses;
    private final ClientAuthThrottle throttle;

    OAuthRequestFilter(OAuthResponses responses, ClientAuthThrottle throttle) {
        this.responses = responses;
        this.throttle = throttle;
    }

    static boolean isWebflowRevocation(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(WEBFLOW_REVOCATION));
    }

    static boolean isRfc7009Revocation(HttpServletRequest request) {
        return !isWebflowRevocation(request) && REVOKE.equals(path(request));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = path(request);
        if (path.equals(AUTHORIZE) && "GET".equals(request.getMethod())) {
            String scope = request.getParameter("scope");
            chain.doFilter(scope == null || !scope.contains("+") ? request
                    : new Parameters(request, path, replaced(request.getParameterMap(), "scope", scope.replace('+', ' '))), response);
            return;
        }
        String target = switch (path) {
            case TOKEN, TOKEN_ALIAS -> TOKEN;
            case REVOKE, WEBFLOW_REVOKE -> REVOKE;
            case INTROSPECT -> INTROSPECT;
            default -> null;
        };
        if (target == null || !"POST".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        long blocked = throttle.blockedForSeconds(request.getRemoteAddr());
        if (blocked > 0) {
            responses.tooManyFailures(response, blocked);
            return;
        }
        Map<String, String[]> parameters;
        if (isJson(request.getContentType())) {
            parameters = jsonParameters(request);
            if (parameters == null) {
                responses.writeError(request, response, "invalid_request");
                return;
            }
        } else {
            parameters = new LinkedHashMap<>(request.getParameterMap());
        }
        if (path.equals(WEBFLOW_REVOKE)) {
            request.setAttribute(WEBFLOW_REVOCATION, true);
            if (!parameters.containsKey("token") && parameters.containsKey("access_token")) {
                parameters.put("token", parameters.remove("access_token"));
            }
        }
        chain.doFilter(new Parameters(request, target, parameters), response);
    }

    private static boolean isJson(String contentType) {
        return contentType != null && contentType.toLowerCase().startsWith("application/json");
    }

    /** The JSON object's members as parameters (strings, numbers and booleans); null when it is not such an object. */
    private static Map<String, String[]> jsonParameters(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(MAX_JSON_BYTES + 1);
            if (body.length > MAX_JSON_BYTES) {
                return null;
            }
            JsonNode root = JSON.readTree(body);
            if (root == null || !root.isObject()) {
                return null;
            }
            Map<String, String[]> parameters = new LinkedHashMap<>(request.getParameterMap()); // query parameters
            for (Map.Entry<String, JsonNode> member : root.properties()) {
                JsonNode value = member.getValue();
                if (value.isNull()) {
                    continue;
                }
                if (!value.isValueNode()) {
                    return null;
                }
                parameters.put(member.getKey(), new String[] {value.asString()});
            }
            return parameters;
        } catch (JacksonException e) {
            return null;
        }
    }

    private static Map<String, String[]> replaced(Map<String, String[]> parameters, String name, String value) {
        Map<String, String[]> copy = new LinkedHashMap<>(parameters);
        copy.put(name, new String[] {value});
        return copy;
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /**
     * The request with its parameters (and, for an alias, its path) replaced. The parsed request path that
     * request matchers cache as an attribute is kept apart from the wrapped request's, so it is this path's.
     */
    private static final class Parameters extends HttpServletRequestWrapper {
        private final String path;
        private final Map<String, String[]> parameters;
        private Object parsedPath;

        @Override
        public Object getAttribute(String name) {
            return ServletRequestPathUtils.PATH_ATTRIBUTE.equals(name) ? parsedPath : super.getAttribute(name);
        }

        @Override
        public void setAttribute(String name, Object value) {
            if (ServletRequestPathUtils.PATH_ATTRIBUTE.equals(name)) {
                parsedPath = value;
            } else {
                super.setAttribute(name, value);
            }
        }

        @Override
        public void removeAttribute(String name) {
            if (ServletRequestPathUtils.PATH_ATTRIBUTE.equals(name)) {
                parsedPath = null;
            } else {
                super.removeAttribute(name);
            }
        }

        Parameters(HttpServletRequest request, String path, Map<String, String[]> parameters) {
            super(request);
            this.path = path;
            this.parameters = Collections.unmodifiableMap(parameters);
        }

        @Override
        public String getRequestURI() {
            return getContextPath() + path;
        }

        @Override
        public StringBuffer getRequestURL() {
            StringBuffer url = super.getRequestURL();
            String uri = super.getRequestURI();
            return new StringBuffer(url.substring(0, url.length() - uri.length()) + getRequestURI());
        }

        @Override
        public String getServletPath() {
            return path;
        }

        @Override
        public String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return parameters.get(name);
        }
    }
}
