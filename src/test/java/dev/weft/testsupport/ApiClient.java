package dev.weft.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain HTTP client for the Data API, as an integration would call it. */
public final class ApiClient {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final HttpClient client;

    public ApiClient(String baseUrl) {
        this.baseUrl = baseUrl;
        this.client = CLIENT;
    }

    /** A client calling from another loopback address (e.g. 127.0.0.2), as a different machine would. */
    public ApiClient(String baseUrl, String localAddress) {
        this.baseUrl = baseUrl;
        try {
            this.client = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .localAddress(java.net.InetAddress.getByName(localAddress))
                    .build();
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** GET with {@code Authorization: Bearer <token>} (no header when token is null). */
    public HttpResult get(String path, String token, String... headers) {
        return send(path, "GET", token == null ? headers : prepend(headers, "Authorization", "Bearer " + token), null);
    }

    /** GET with a raw Authorization header value (null: none). */
    public HttpResult getWithAuthorization(String path, String authorization, String... headers) {
        return send(path, "GET", authorization == null ? headers : prepend(headers, "Authorization", authorization), null);
    }

    public HttpResult send(String path, String method, String[] headers, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(20));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new HttpResult(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String[] prepend(String[] headers, String name, String value) {
        String[] all = new String[headers.length + 2];
        all[0] = name;
        all[1] = value;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return all;
    }
}
