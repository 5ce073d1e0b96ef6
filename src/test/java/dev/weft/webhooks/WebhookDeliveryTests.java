package dev.weft.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.cms.CmsItemEvent;
import dev.weft.testsupport.HttpResult;
import dev.weft.testsupport.MutableClock;
import dev.weft.testsupport.SiteTokenHttpTest;
import dev.weft.testsupport.WebhookReceiver;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deliveries to a real HTTP receiver on 127.0.0.1 that checks Webflow's signature: a site publish, a CMS item
 * event (v1 and v2 bodies), a retry after a 500 (time moved with a {@link MutableClock}), failure once the
 * attempts are used up, and nothing queued when the change rolls back. Run on H2 and on PostgreSQL.
 */
@Import(MutableClock.Config.class)
@TestPropertySource(properties = {"weft.webhooks.poll-interval=PT0.1S", "weft.webhooks.retry-delays=30s,2m"})
abstract class WebhookDeliveryTests extends SiteTokenHttpTest {

    static final Duration WAIT = Duration.ofSeconds(15);
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WebhookService webhooks;
    @Autowired
    MutableClock clock;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactionManager;

    WebhookReceiver receiver;

    @BeforeEach
    void startReceiver() {
        receiver = WebhookReceiver.start();
    }

    @AfterEach
    void stop() {
        receiver.close();
        clock.reset();
    }

    String register(String path, String triggerType) {
        HttpResult created = api().send("/v2/sites/" + site.id() + "/webhooks", "POST", new String[] {"Authorization",
                "Bearer " + token, "Content-Type", "application/json"},
                "{\"triggerType\":\"" + triggerType + "\",\"url\":\"" + receiver.url(path) + "\"}");
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    void publish() {
        HttpResult published = api().send("/v2/sites/" + site.id() + "/publish", "POST", new String[] {"Authorization",
                "Bearer " + token, "Content-Type", "application/json"}, "{\"publishToWebflowSubdomain\":true}");
        assertThat(published.status()).isEqualTo(202);
    }

    void assertSigned(WebhookReceiver.Received r) {
        String secret = webhooks.signingSecret(site.id()).orElseThrow();
        assertThat(r.timestamp()).matches("\\d{13}");
        assertThat(Math.abs(Long.parseLong(r.timestamp()) - clock.millis())).isLessThan(5 * 60_000);
        assertThat(WebhookSignature.verify(secret, r.timestamp(), r.body(), r.signature()))
                .as("x-webflow-signature = hex HMAC-SHA256(secret, timestamp + \":\" + body)").isTrue();
        assertThat(WebhookSignature.verify(secret, r.timestamp(), r.body() + " ", r.signature())).isFalse();
        assertThat(r.contentType()).startsWith("application/json");
    }

    Delivery onlyDelivery() {
        List<Delivery> deliveries = webhooks.recentDeliveries(site.id(), 10);
        assertThat(deliveries).hasSize(1);
        return deliveries.getFirst();
    }

    @Test
    void publishingDeliversASignedSitePublishWebhook() {
        String id = register("/publish", "site_publish");

        publish();

        List<WebhookReceiver.Received> got = receiver.await(r -> r.path().equals("/publish"), 1, WAIT);
        assertThat(got).hasSize(1);
        assertSigned(got.getFirst());
        JsonNode body = JSON.readTree(got.getFirst().body());
        assertThat(body.get("triggerType").asString()).isEqualTo("site_publish");
        assertThat(body.get("payload").get("siteId").asString()).isEqualTo(site.id());
        assertThat(body.get("payload").get("domains").get(0).asString()).isEqualTo(site.shortName() + ".weft.io");
        assertThat(body.get("payload").get("publishedOn").asString())
                .isEqualTo(api().get("/v2/sites/" + site.id(), token).json().get("lastPublished").asString());
        awaitStatus("delivered");
        Delivery d = onlyDelivery();
        assertThat(d.attempts()).isEqualTo(1);
        assertThat(d.lastStatusCode()).isEqualTo(200);
        assertThat(api().get("/v2/webhooks/" + id, token).json().get("lastTriggered").asString()).isNotBlank();
    }

    @Test
    void aDeliveryAnsweredWith500IsRetriedAfterTheBackOff() {
        register("/flaky", "site_publish");
        receiver.answer(500);

        publish();

        assertThat(receiver.await(r -> true, 1, WAIT)).hasSize(1);
        awaitAttempts(1);
        Delivery retrying = onlyDelivery();
        assertThat(retrying.status()).isEqualTo("pending");
        assertThat(retrying.lastStatusCode()).isEqualTo(500);
        assertThat(retrying.lastError()).isEqualTo("HTTP 500");
        assertThat(retrying.nextAttemptAt()).isAfter(clock.instant().plusSeconds(25));
        sleep(500);
        assertThat(receiver.received()).as("not before the back-off").hasSize(1);

        clock.advance(Duration.ofSeconds(31));

        List<WebhookReceiver.Received> got = receiver.await(r -> true, 2, WAIT);
        assertThat(got).hasSize(2);
        assertSigned(got.get(1));
        assertThat(got.get(1).body()).isEqualTo(got.get(0).body());
        awaitStatus("delivered");
        assertThat(onlyDelivery().attempts()).isEqualTo(2);
    }

    @Test
    void aDeliveryFailsOnceItsAttemptsAreUsedUp() {
        register("/down", "site_publish");
        receiver.answer(503, 503, 503, 503);

        publish();
        awaitAttempts(1);
        clock.advance(Duration.ofSeconds(31));
        awaitAttempts(2);
        clock.advance(Duration.ofMinutes(2).plusSeconds(1));
        awaitStatus("failed");

        Delivery failed = onlyDelivery();
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.lastStatusCode()).isEqualTo(503);
        assertThat(failed.nextAttemptAt()).isNull();
        clock.advance(Duration.ofHours(1));
        sleep(500);
        assertThat(receiver.received()).hasSize(3);
    }

    @Test
    void aCmsItemEventIsDeliveredWithTheV2BodyToV2WebhooksAndTheV1BodyToV1Webhooks() {
        register("/v2", "collection_item_created");
        HttpResult v1 = api().send("/sites/" + site.id() + "/webhooks", "POST", new String[] {"Authorization",
                "Bearer " + token, "Content-Type", "application/json"},
                "{\"triggerType\":\"collection_item_created\",\"url\":\"" + receiver.url("/v1") + "\"}");
        assertThat(v1.status()).isEqualTo(200);

        new TransactionTemplate(transactionManager).executeWithoutResult(tx -> events.publishEvent(new CmsItemEvent(
                CmsItemEvent.CREATED, site.id(), site.workspaceId(), "c1", "i1",
                Map.of("id", "i1", "fieldData", Map.of("name", "Lamp")), Map.of("_id", "i1", "name", "Lamp"))));

        var v2Got = receiver.await(r -> r.path().equals("/v2"), 1, WAIT);
        var v1Got = receiver.await(r -> r.path().equals("/v1"), 1, WAIT);
        assertThat(v2Got).hasSize(1);
        assertThat(v1Got).hasSize(1);
        assertSigned(v2Got.getFirst());
        assertSigned(v1Got.getFirst());
        JsonNode v2Body = JSON.readTree(v2Got.getFirst().body());
        assertThat(v2Body.get("triggerType").asString()).isEqualTo("collection_item_created");
        assertThat(v2Body.get("payload").get("fieldData").get("name").asString()).isEqualTo("Lamp");
        JsonNode v1Body = JSON.readTree(v1Got.getFirst().body());
        assertThat(v1Body.get("_id").asString()).isEqualTo("i1");
        assertThat(v1Body.has("triggerType")).isFalse();
    }

    @Test
    void aChangeThatRollsBackQueuesNothing() {
        register("/rollback", "collection_item_deleted");

        try {
            new TransactionTemplate(transactionManager).executeWithoutResult(tx -> {
                events.publishEvent(new CmsItemEvent(CmsItemEvent.DELETED, site.id(), site.workspaceId(), "c1", "i1",
                        Map.of("id", "i1"), Map.of("deleted", 1, "itemId", "i1")));
                throw new IllegalStateException("roll back");
            });
        } catch (IllegalStateException expected) {
            // the change failed
        }

        sleep(500);
        assertThat(webhooks.recentDeliveries(site.id(), 10)).isEmpty();
        assertThat(receiver.received()).isEmpty();
    }

    @Test
    void onlyWebhooksOfTheTriggerAndSiteAreDelivered() {
        register("/other-trigger", "collection_item_changed");
        var other = fixtures.site(fixtures.user());
        webhooks.create(other.id(), new WebhookService.NewWebhook(2, "site_publish", receiver.url("/other-site"), null));

        publish();

        sleep(800);
        assertThat(receiver.received()).isEmpty();
    }

    void awaitStatus(String status) {
        await(() -> webhooks.recentDeliveries(site.id(), 10).stream().allMatch(d -> d.status().equals(status)),
                "every delivery " + status);
    }

    void awaitAttempts(int attempts) {
        await(() -> webhooks.recentDeliveries(site.id(), 10).stream().allMatch(d -> d.attempts() >= attempts),
                attempts + " attempts");
    }

    static void await(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            sleep(50);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
