package dev.weft.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.weft.accounts.User;
import dev.weft.sites.Site;
import dev.weft.testsupport.Browser;
import dev.weft.testsupport.WeftFixtures;
import dev.weft.testsupport.WeftHttpTest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Consent in a real headless Chromium: the app's redirect URI is a loopback HTTP server started by the test.
 * Allow with a site picked brings the browser back to it with {@code code} and {@code state} (which the
 * dashboard's {@code form-action 'self'} would block: the consent page allows the app's origin); Deny brings
 * it back with {@code error=access_denied}.
 */
class OAuthConsentBrowserTests extends WeftHttpTest {

    @Autowired
    AppService apps;

    HttpServer callbackServer;
    BlockingQueue<String> callbacks = new ArrayBlockingQueue<>(4);
    WebDriver driver;
    String redirectUri;
    RegisteredApp app;
    User owner;
    Site site;

    @BeforeEach
    void appWithLoopbackRedirect() throws IOException {
        callbackServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        callbackServer.createContext("/cb", exchange -> {
            callbacks.add(exchange.getRequestURI().getRawQuery());
            byte[] body = "<html><body><p id=\"done\">Back at the app</p></body></html>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        callbackServer.start();
        redirectUri = "http://127.0.0.1:" + callbackServer.getAddress().getPort() + "/cb";
        User developer = fixtures.user();
        app = apps.register(developer.id(), fixtures.personalWorkspace(developer), new AppDetails("Loopback App", "",
                "https://loopback.example", List.of(redirectUri), List.of("sites:read", "cms:read")));
        owner = fixtures.user();
        site = fixtures.site(owner);
    }

    @AfterEach
    void stop() {
        Browser.quit(driver);
        callbackServer.stop(0);
    }

    @Test
    void allowWithASitePickedSendsCodeAndStateToTheApp() throws InterruptedException {
        driver = Browser.chromeOrSkip();
        openConsentLoggingIn("state-allow");

        Browser.click(driver, By.id("site-" + site.id()));
        Browser.click(driver, By.id("allow"));

        String query = callbacks.poll(Browser.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertThat(query).as("the app's loopback server was called").isNotNull().contains("code=").endsWith("state=state-allow");
        assertThat(Browser.awaitText(driver, By.id("done"))).isEqualTo("Back at the app");
    }

    @Test
    void afterAllowTheOwnerSeesTheAppOnTheIntegrationsPageAndRevokeEndsItsAccess() throws Exception {
        driver = Browser.chromeOrSkip();
        openConsentLoggingIn("state-revoke");
        Browser.click(driver, By.id("site-" + site.id()));
        Browser.click(driver, By.id("allow"));
        String query = callbacks.poll(Browser.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertThat(query).isNotNull();
        String code = java.net.URLDecoder.decode(query.replaceAll(".*(?:^|&)code=([^&]*).*", "$1"), StandardCharsets.UTF_8);
        String token = exchange(code);
        assertThat(api().get("/v2/sites/" + site.id(), token).status()).isEqualTo(200);

        String base = "http://127.0.0.1:" + port;
        Browser.open(driver, base + "/dashboard/sites/" + site.id() + "/settings/integrations");
        assertThat(Browser.awaitText(driver, By.cssSelector("#authorized-applications .app-name"))).isEqualTo("Loopback App");
        assertThat(driver.findElement(By.cssSelector("#authorized-applications .app-scopes")).getText())
                .contains("cms:read").contains("sites:read");
        Browser.clickAndWaitForPage(driver, By.cssSelector("#authorized-applications button.danger"));

        assertThat(Browser.awaitText(driver, By.id("no-apps"))).contains("No applications have access to this site.");
        assertThat(api().get("/v2/sites/" + site.id(), token).status()).as("the only site was revoked: the token is gone")
                .isEqualTo(401);
    }

    /** The app's back end: the code for a token (form body, secret by HTTP Basic). */
    private String exchange(String code) throws Exception {
        String form = "grant_type=authorization_code&code=" + URLEncoder.encode(code, StandardCharsets.UTF_8)
                + "&redirect_uri=" + URLEncoder.encode(redirectUri, StandardCharsets.UTF_8);
        String basic = java.util.Base64.getEncoder().encodeToString(
                (app.app().clientId() + ":" + app.clientSecret()).getBytes(StandardCharsets.UTF_8));
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Authorization", "Basic " + basic)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(response.body()).get("access_token").asString();
    }

    @Test
    void denySendsAccessDeniedToTheApp() throws InterruptedException {
        driver = Browser.chromeOrSkip();
        openConsentLoggingIn("state-deny");

        Browser.click(driver, By.id("deny"));

        String query = callbacks.poll(Browser.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertThat(query).isNotNull().contains("error=access_denied").contains("state=state-deny").doesNotContain("code=");
    }

    private void openConsentLoggingIn(String state) {
        String base = "http://127.0.0.1:" + port;
        Browser.open(driver, base + "/oauth/authorize?response_type=code&client_id=" + app.app().clientId()
                + "&redirect_uri=" + URLEncoder.encode(redirectUri, StandardCharsets.UTF_8) + "&scope=sites%3Aread+cms%3Aread"
                + "&state=" + state);
        Browser.awaitUrl(driver, base + "/login");
        Browser.visible(driver, By.name("username")).sendKeys(owner.email());
        driver.findElement(By.name("password")).sendKeys(WeftFixtures.PASSWORD);
        Browser.clickAndWaitForPage(driver, By.cssSelector("form button[type=submit]"));
        Browser.awaitUrl(driver, base + "/oauth/consent\\?.*");
        assertThat(Browser.awaitText(driver, By.id("app-name"))).isEqualTo("Loopback App");
    }
}
