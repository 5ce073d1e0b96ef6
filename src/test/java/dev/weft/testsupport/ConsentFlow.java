package dev.weft.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.oauth.RegisteredApp;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OAuth code flow over real HTTP without a client library, for tests that need an app token made the way
 * users make them: the user's dashboard session allows on the consent page, the app exchanges the code (HTTP
 * Basic). The flow itself, with oauth4webapi, is tested in OAuthFlowTests.
 */
public final class ConsentFlow {

    private static final Pattern HIDDEN_STATE = Pattern.compile("name=\"state\" value=\"([^\"]+)\"");
    private static final Pattern SCOPE = Pattern.compile("name=\"scope\" value=\"([^\"]+)\"");

    private final String baseUrl;
    private final RegisteredApp app;
    private final String redirectUri;

    public ConsentFlow(String baseUrl, RegisteredApp app, String redirectUri) {
        this.baseUrl = baseUrl;
        this.app = app;
        this.redirectUri = redirectUri;
    }

    /** The user allows {@code scope} for {@code targets} ({@code site:<id>}, {@code workspace:<id>}); returns the code. */
    public String code(DashboardSession user, String scope, String... targets) {
        HttpResult authorize = user.get("/oauth/authorize?response_type=code&client_id=" + app.app().clientId()
                + "&redirect_uri=" + enc(redirectUri) + "&scope=" + enc(scope) + "&state=s");
        assertThat(authorize.status()).as(authorize.body()).isEqualTo(302);
        String consent = authorize.header("Location");
        HttpResult page = user.get(consent.startsWith(baseUrl) ? consent.substring(baseUrl.length()) : consent);
        List<String[]> form = new ArrayList<>();
        form.add(new String[] {"client_id", app.app().clientId()});
        form.add(new String[] {"state", find(page.body(), HIDDEN_STATE)});
        Matcher scopes = SCOPE.matcher(page.body());
        while (scopes.find()) {
            form.add(new String[] {"scope", scopes.group(1)});
        }
        for (String t : targets) {
            form.add(new String[] {"target", t});
        }
        HttpResult answer = user.postPairs("/oauth/authorize", form);
        assertThat(answer.status()).as(answer.body()).isEqualTo(302);
        String query = URI.create(answer.header("Location")).getRawQuery();
        for (String pair : query.split("&")) {
            if (pair.startsWith("code=")) {
                return URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no code in " + answer.header("Location"));
    }

    /** The app exchanges the code at {@code /oauth/token}. */
    public HttpResult exchange(String code) {
        return new ApiClient(baseUrl).send("/oauth/token", "POST", new String[] {
                "Content-Type", "application/x-www-form-urlencoded", "Authorization", basic()},
                "grant_type=authorization_code&code=" + enc(code) + "&redirect_uri=" + enc(redirectUri));
    }

    /** Allow and exchange: the app's access token. */
    public String token(DashboardSession user, String scope, String... targets) {
        HttpResult answer = exchange(code(user, scope, targets));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().path("access_token").asString();
    }

    /** The app revokes its token ({@code POST /oauth/revoke}, RFC 7009). */
    public HttpResult revoke(String token) {
        return new ApiClient(baseUrl).send("/oauth/revoke", "POST", new String[] {
                "Content-Type", "application/x-www-form-urlencoded", "Authorization", basic()}, "token=" + enc(token));
    }

    private String basic() {
        return "Basic " + Base64.getEncoder().encodeToString(
                (enc(app.app().clientId()) + ":" + enc(app.clientSecret())).getBytes(StandardCharsets.UTF_8));
    }

    private static String find(String text, Pattern pattern) {
        Matcher m = pattern.matcher(text);
        assertThat(m.find()).as("pattern " + pattern + " in page").isTrue();
        return m.group(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
