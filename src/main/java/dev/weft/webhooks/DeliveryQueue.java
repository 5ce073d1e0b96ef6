package dev.weft.webhooks;

import dev.weft.cms.CmsItemEvent;
import dev.weft.sites.SitePublished;
import dev.weft.system.WebflowDates;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Queues one delivery per matching webhook for every trigger, synchronously in the transaction of the change:
 * a change that rolls back queues nothing, one that commits cannot lose its deliveries. The body is fixed
 * here: {@code {triggerType, payload}} for v2 webhooks, the v1 payload itself for v1 webhooks.
 */
@Component
class DeliveryQueue {

    private final WebhookRepository webhooks;
    private final JsonMapper json;
    private final Clock clock;

    DeliveryQueue(WebhookRepository webhooks, JsonMapper json, Clock clock) {
        this.webhooks = webhooks;
        this.json = json;
        this.clock = clock;
    }

    @EventListener
    void on(SitePublished event) {
        Map<String, Object> v2 = new LinkedHashMap<>();
        v2.put("siteId", event.siteId());
        v2.put("publishedOn", WebflowDates.format(event.at()));
        v2.put("domains", event.domains());
        v2.put("publishedBy", event.publishedBy() == null ? null : Map.of("displayName", event.publishedBy()));
        v2.put("publishScope", "site");
        Map<String, Object> v1 = new LinkedHashMap<>();
        v1.put("site", event.siteId());
        v1.put("publishTime", event.at().toEpochMilli());
        v1.put("domains", event.domains());
        v1.put("publishedBy", event.publishedBy() == null ? null : Map.of("name", event.publishedBy()));
        enqueue(event.siteId(), TriggerTypes.SITE_PUBLISH, v2, v1);
    }

    @EventListener
    void on(CmsItemEvent event) {
        enqueue(event.siteId(), event.triggerType(), event.v2Payload(), event.v1Payload());
    }

    private void enqueue(String siteId, String triggerType, Map<String, Object> v2Payload, Map<String, Object> v1Payload) {
        List<Webhook> targets = webhooks.ofSite(siteId, triggerType);
        if (targets.isEmpty()) {
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Map<String, Object> v2Body = new LinkedHashMap<>();
        v2Body.put("triggerType", triggerType);
        v2Body.put("payload", v2Payload);
        String v2 = json.writeValueAsString(v2Body);
        String v1 = json.writeValueAsString(v1Payload);
        for (Webhook w : targets) {
            webhooks.enqueue(w.id(), triggerType, w.apiVersion() == 1 ? v1 : v2, now);
        }
        webhooks.markTriggered(targets.stream().map(Webhook::id).toList(), now);
    }
}
