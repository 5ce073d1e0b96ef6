package dev.weft.webhooks;

import java.time.Instant;
import java.util.Objects;

/**
 * A webhook registration of a site.
 *
 * @param filterName the form name filter ({@code form_submission} only); null for none
 * @param apiVersion 1 or 2: the API it was created with, which decides the body of its deliveries
 * @param lastTriggered when a delivery was last queued for it; null if never
 */
public record Webhook(String id, String siteId, String workspaceId, String triggerType, String url, String filterName,
        int apiVersion, Instant createdOn, Instant lastTriggered) {
    public Webhook {
        Objects.requireNonNull(id, "id cannot be null");
        Objects.requireNonNull(siteId, "siteId cannot be null");
        Objects.requireNonNull(workspaceId, "workspaceId cannot be null");
        Objects.requireNonNull(triggerType, "triggerType cannot be null");
        Objects.requireNonNull(url, "url cannot be null");
        Objects.requireNonNull(createdOn, "createdOn cannot be null");
        if (apiVersion != 1 && apiVersion != 2) {
            throw new IllegalArgumentException("apiVersion must be 1 or 2");
        }
    }
}
