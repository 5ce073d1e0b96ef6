package dev.weft.webhooks;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhook delivery settings ({@code weft.webhooks.*}).
 *
 * @param retryDelays the wait before each retry; a delivery gets {@code retryDelays.size() + 1} attempts, then fails
 * @param pollInterval how often each node looks for due deliveries
 * @param connectTimeout connect timeout of a delivery's POST
 * @param readTimeout how long a receiver may take to answer
 * @param batchSize deliveries claimed (and sent in parallel) per poll
 * @param lease how long a claimed delivery is left to its node before another may claim it again (a node that
 *     died mid-send): longer than connect + read timeout
 * @param maxPerTrigger webhooks per trigger type per site (Webflow: 75)
 */
@ConfigurationProperties("weft.webhooks")
public record WebhookProperties(
        @DefaultValue({"30s", "2m", "10m", "1h", "6h"}) List<Duration> retryDelays,
        @DefaultValue("2s") Duration pollInterval,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout,
        @DefaultValue("20") int batchSize,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("75") int maxPerTrigger) {

    public int maxAttempts() {
        return retryDelays.size() + 1;
    }
}
