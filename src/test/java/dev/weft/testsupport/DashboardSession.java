package dev.weft.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser-like HTTP session for the dashboard: keeps cookies, sends forms with the page's CSRF token. */
public final class DashboardSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String baseUrl;
    private final HttpClient client;
    private String csrf;

    public DashboardSession(String baseUrl) {
        this.baseUrl = baseUrl;
        CookieManager cookies = new CookieManager();
        cookies.setCookiePolicy(CookiePolicy.ACCEPT_ALL);
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** GET a page, remembering its CSRF token. Redirects are not followed. */
    public HttpResult get(String path) {
        HttpResult result = send(HttpRequest.newBuilder(uri(path)).GET());
        Matcher m = CSRF.matcher(result.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return result;
    }

    /** POST a form with the CSRF token of the last page fetched. */
    public HttpResult post(String path, Map<String, String> form) {
        Map<String, String> all = new LinkedHashMap<>(form);
        if (csrf != null) {
            all.putIfAbsent("_csrf", csrf);
        }
        return postRaw(path, all);
    }

    /** POST a form whose fields may repeat (checkboxes), with the CSRF token of the last page fetched. */
    public HttpResult postPairs(String path, java.util.List<String[]> fields) {
        String body = fields.stream().map(f -> enc(f[0]) + "=" + enc(f[1])).collect(Collectors.joining("&"))
                + (csrf == null ? "" : "&_csrf=" + enc(csrf));
        return sendForm(path, body);
    }

    /** POST a form exactly as given (no CSRF token added). */
    public HttpResult postRaw(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return sendForm(path, body);
    }

    private HttpResult sendForm(String path, String body) {
        HttpResult result = send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        Matcher m = CSRF.matcher(result.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return result;
    }

    /** Signs up and ends logged in. */
    public HttpResult signUp(String name, String email, String password) {
        get("/signup");
        return post("/signup", Map.of("name", name, "email", email, "password", password));
    }

    public HttpResult logIn(String email, String password) {
        get("/login");
        return post("/login", Map.of("username", email, "password", password));
    }

    private HttpResult send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new HttpResult(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
