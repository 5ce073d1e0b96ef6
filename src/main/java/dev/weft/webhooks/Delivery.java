package dev.weft.webhooks;

import java.time.Instant;

/**
 * One queued delivery of a trigger to a webhook, as the dashboard shows it.
 *
 * @param status {@code pending} (retrying at {@code nextAttemptAt} once attempted), {@code delivered} or {@code failed}
 * @param lastStatusCode the receiver's last HTTP status; null when none answered
 * @param lastError why the last attempt failed (never a secret, never the URL); null after success
 */
public record Delivery(long id, String webhookId, String triggerType, String status, int attempts,
        Instant nextAttemptAt, Instant createdAt, Instant deliveredAt, Integer lastStatusCode, String lastError) {

    public boolean delivered() {
        return status.equals("delivered");
    }

    public boolean failed() {
        return status.equals("failed");
    }

    public boolean retrying() {
        return status.equals("pending") && attempts > 0;
    }
}
