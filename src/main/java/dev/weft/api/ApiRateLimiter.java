package dev.weft.api;

import com.github.benmanes.caffeine.cache.Caffeine;
import dev.weft.tokens.VerifiedToken;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.caffeine.CaffeineProxyManager;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Webflow's rate limits, with Bucket4j: per token, N requests a minute (60 by default; a site may set its
 * own), refilled continuously; and, separately, failed token attempts per client address. Buckets live in
 * a {@link ProxyManager}: in process here (Caffeine), and replaceable by Bucket4j's JDBC or Redis proxy
 * managers when several nodes must share them.
 */
@Component
class ApiRateLimiter {

    /** The outcome of one request against a bucket. */
    record Decision(boolean allowed, long limit, long remaining, long retryAfterSeconds) {}

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final ProxyManager<String> tokenBuckets =
            new CaffeineProxyManager<>(Caffeine.newBuilder().maximumSize(1_000_000), MINUTE);
    private final ProxyManager<String> addressBuckets =
            new CaffeineProxyManager<>(Caffeine.newBuilder().maximumSize(100_000), MINUTE);
    private final ApiProperties properties;
    private final Supplier<BucketConfiguration> addressConfiguration;

    ApiRateLimiter(ApiProperties properties) {
        this.properties = properties;
        BucketConfiguration failures = perMinute(properties.failedAuthPerMinute());
        this.addressConfiguration = () -> failures;
    }

    /** Takes one request from the token's bucket. */
    Decision consume(VerifiedToken token) {
        int limit = token.siteRateLimit() != null ? token.siteRateLimit() : properties.rateLimitPerMinute();
        ConsumptionProbe probe = tokenBuckets.builder()
                .build(token.tokenId() + ":" + limit, () -> perMinute(limit))
                .tryConsumeAndReturnRemaining(1);
        return decision(limit, probe);
    }

    /** When the address has used up its failed attempts: how long until it may try again; else 0. */
    long addressBlockedForSeconds(String address) {
        var bucket = addressBuckets.builder().build(address, addressConfiguration);
        if (bucket.getAvailableTokens() > 0) {
            return 0;
        }
        return Math.max(1, bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill() / 1_000_000_000L + 1);
    }

    /** Counts a failed token attempt from the address. */
    void recordFailure(String address) {
        addressBuckets.builder().build(address, addressConfiguration).tryConsume(1);
    }

    private static Decision decision(long limit, ConsumptionProbe probe) {
        long retryAfter = probe.isConsumed() ? 0 : Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        return new Decision(probe.isConsumed(), limit, probe.getRemainingTokens(), retryAfter);
    }

    private static BucketConfiguration perMinute(int limit) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(limit).refillGreedy(limit, MINUTE).build())
                .build();
    }
}
