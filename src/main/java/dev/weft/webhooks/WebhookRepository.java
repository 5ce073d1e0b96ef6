package dev.weft.webhooks;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Storage of webhook registrations, their sites' signing secrets, and the delivery queue. */
public interface WebhookRepository {

    void insert(Webhook webhook);

    Optional<Webhook> find(String id);

    List<Webhook> ofSite(String siteId);

    List<Webhook> ofSite(String siteId, String triggerType);

    int count(String siteId, String triggerType);

    boolean delete(String siteId, String id);

    void markTriggered(Collection<String> ids, Instant at);

    Optional<String> signingSecret(String siteId);

    void insertSigningSecret(String siteId, String secret, Instant at);

    /** Queues a delivery, due at once. */
    void enqueue(String webhookId, String triggerType, String body, Instant at);

    /**
     * Claims up to {@code limit} pending deliveries due at {@code now}, skipping rows another node holds
     * ({@code for update skip locked}), by moving their next attempt to {@code leaseUntil}; committed by the caller.
     */
    List<Long> claimDue(Instant now, Instant leaseUntil, int limit);

    /** What a worker needs to send claimed deliveries (of webhooks that still exist). */
    List<Outgoing> outgoing(Collection<Long> ids);

    /** A claimed delivery with its target and signing secret. */
    record Outgoing(long id, String webhookId, String url, String body, int attempts, String secret) {}

    void delivered(long id, int attempts, int statusCode, Instant at);

    void retry(long id, int attempts, Integer statusCode, String error, Instant nextAttemptAt);

    void failed(long id, int attempts, Integer statusCode, String error);

    /** The site's most recent deliveries, newest first. */
    List<Delivery> recent(String siteId, int limit);
}
