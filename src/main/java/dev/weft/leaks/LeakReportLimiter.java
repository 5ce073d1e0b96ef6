package dev.weft.leaks;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.caffeine.CaffeineProxyManager;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The leak endpoint's rate limit, with Bucket4j: {@code weft.leaks.reports-per-hour} requests per client
 * address, refilled continuously. Buckets live in process (Caffeine), like the API's; Bucket4j's JDBC or Redis
 * proxy managers can take their place when several nodes must share them.
 */
@Component
class LeakReportLimiter {

    private static final Duration HOUR = Duration.ofHours(1);

    private final ProxyManager<String> buckets =
            new CaffeineProxyManager<>(Caffeine.newBuilder().maximumSize(100_000), HOUR);
    private final BucketConfiguration configuration;

    LeakReportLimiter(LeakProperties properties) {
        int limit = properties.reportsPerHour();
        this.configuration = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(limit).refillGreedy(limit, HOUR).build())
                .build();
    }

    /** Takes one report from the address's bucket: 0 when allowed, else the seconds until one is. */
    long retryAfterSeconds(String address) {
        ConsumptionProbe probe = buckets.builder().build(address, () -> configuration).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
    }
}
