package dev.weft.oauth.server;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.caffeine.CaffeineProxyManager;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Failed client authentications at the token and revocation endpoints, per client address, with the same
 * limit as the API's failed token attempts ({@code weft.api.failed-auth-per-minute}): beyond it the address
 * gets 429 until its bucket refills. In process, like the API's buckets.
 */
@Component
class ClientAuthThrottle {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final ProxyManager<String> buckets = new CaffeineProxyManager<>(Caffeine.newBuilder().maximumSize(100_000), MINUTE);
    private final BucketConfiguration configuration;

    ClientAuthThrottle(@Value("${weft.api.failed-auth-per-minute:30}") int perMinute) {
        this.configuration = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, MINUTE).build())
                .build();
    }

    /** Seconds until the address may try again; 0 when it may now. */
    long blockedForSeconds(String address) {
        var bucket = buckets.builder().build(address, () -> configuration);
        if (bucket.getAvailableTokens() > 0) {
            return 0;
        }
        return Math.max(1, bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill() / 1_000_000_000L + 1);
    }

    void recordFailure(String address) {
        buckets.builder().build(address, () -> configuration).tryConsume(1);
    }
}
