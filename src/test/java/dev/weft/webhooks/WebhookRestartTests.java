package dev.weft.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.testsupport.ApiClient;
import dev.weft.testsupport.DashboardSession;
import dev.weft.testsupport.HttpResult;
import dev.weft.testsupport.WebhookReceiver;
import dev.weft.testsupport.WeftProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restart loses no delivery: Weft runs as a separate process, a site publish queues a delivery while the
 * receiver is down (the first process never polls), Weft is killed ({@code kill -9}), the receiver comes up,
 * Weft starts again on the same data, and the delivery arrives, signed. Run on H2 and on PostgreSQL.
 */
abstract class WebhookRestartTests {

    static final Pattern WORKSPACE = Pattern.compile("<option value=\"([0-9a-f]{24})\"");
    static final Pattern SITE_LOCATION = Pattern.compile("/dashboard/sites/([0-9a-f]{24})$");
    static final Pattern ISSUED_TOKEN = Pattern.compile("value=\"(weft_site_[0-9A-Za-z]{36})\"");
    static final Pattern SECRET = Pattern.compile("id=\"webhook-signing-secret\">.*?<code>([0-9a-f]{64})</code>", Pattern.DOTALL);
    static final String PASSWORD = "correct horse battery";

    @TempDir
    Path temp;

    protected abstract Map<String, String> databaseEnvironment();

    @Test
    @Timeout(300)
    void aDeliveryQueuedBeforeAKillIsDeliveredAfterTheRestart() {
        Map<String, String> env = new HashMap<>(databaseEnvironment());
        env.put("WEFT_TOKEN_PEPPER", WeftProcess.newPepper());
        Path data = temp.resolve("data");
        Path logs = WeftProcess.logDirectory("webhook-restart");
        int receiverPort;
        try (WebhookReceiver probe = WebhookReceiver.start()) {
            receiverPort = probe.port(); // then closed: the receiver is down
        }
        String url = "http://127.0.0.1:" + receiverPort + "/restart";

        String siteId;
        String secret;
        try (WeftProcess first = WeftProcess.start(data, env, List.of("-XX:TieredStopAtLevel=1"),
                List.of("--weft.webhooks.poll-interval=PT1H"), logs.resolve("first.log"))) {
            DashboardSession browser = new DashboardSession(first.baseUrl());
            browser.get("/signup");
            String email = "restart" + System.nanoTime() + "@example.test";
            assertThat(browser.post("/signup", Map.of("name", "Restart", "email", email, "password", PASSWORD)).status())
                    .isEqualTo(302);
            Matcher workspace = WORKSPACE.matcher(browser.get("/dashboard/sites/new?template=grit").body());
            assertThat(workspace.find()).isTrue();
            HttpResult created = browser.post("/dashboard/sites", Map.of("workspaceId", workspace.group(1),
                    "template", "grit", "name", "Restart " + System.nanoTime(), "timeZone", "UTC"));
            Matcher location = SITE_LOCATION.matcher(String.valueOf(created.header("Location")));
            assertThat(location.find()).as("site created: " + created.status()).isTrue();
            siteId = location.group(1);
            String integrations = "/dashboard/sites/" + siteId + "/settings/integrations";
            browser.get(integrations);
            Matcher issued = ISSUED_TOKEN.matcher(browser.post(integrations + "/api-token", Map.of()).body());
            assertThat(issued.find()).isTrue();
            String token = issued.group(1);

            ApiClient api = new ApiClient(first.baseUrl());
            String[] headers = {"Authorization", "Bearer " + token, "Content-Type", "application/json"};
            assertThat(api.send("/v2/sites/" + siteId + "/webhooks", "POST", headers,
                    "{\"triggerType\":\"site_publish\",\"url\":\"" + url + "\"}").status()).isEqualTo(201);
            assertThat(api.send("/v2/sites/" + siteId + "/publish", "POST", headers,
                    "{\"publishToWebflowSubdomain\":true}").status()).isEqualTo(202);

            String page = browser.get(integrations).body();
            Matcher key = SECRET.matcher(page);
            assertThat(key.find()).isTrue();
            secret = key.group(1);
            assertThat(page).contains("class=\"delivery-status\">queued<");
            first.kill();
        }

        try (WebhookReceiver receiver = WebhookReceiver.start(receiverPort);
                WeftProcess second = WeftProcess.start(data, env, List.of("-XX:TieredStopAtLevel=1"),
                        List.of("--weft.webhooks.poll-interval=PT0.2S"), logs.resolve("second.log"))) {
            List<WebhookReceiver.Received> got = receiver.await(r -> true, 1, Duration.ofSeconds(30));

            assertThat(got).hasSize(1);
            WebhookReceiver.Received r = got.getFirst();
            assertThat(r.path()).isEqualTo("/restart");
            assertThat(WebhookSignature.verify(secret, r.timestamp(), r.body(), r.signature())).isTrue();
            assertThat(r.body()).contains("\"triggerType\":\"site_publish\"").contains(siteId);
            assertThat(second.log()).doesNotContain(secret);
        }
    }
}
