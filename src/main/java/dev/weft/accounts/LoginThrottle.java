package dev.weft.accounts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * Throttles password guessing: after {@value #MAX_PER_ACCOUNT} failed logins for one email, or
 * {@value #MAX_PER_ADDRESS} from one client address, within {@link #WINDOW} of the first failure, further attempts
 * are refused until that window has passed. A successful login clears the account's count.
 */
@Component
public class LoginThrottle {

    static final int MAX_PER_ACCOUNT = 5;
    static final int MAX_PER_ADDRESS = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final Cache<String, AtomicInteger> failures =
            Caffeine.newBuilder().expireAfterWrite(WINDOW).maximumSize(100_000).build();

    public boolean isBlocked(String email, String address) {
        return count("e:" + key(email)) >= MAX_PER_ACCOUNT || count("a:" + address) >= MAX_PER_ADDRESS;
    }

    public void recordFailure(String email, String address) {
        failures.asMap().computeIfAbsent("e:" + key(email), k -> new AtomicInteger()).incrementAndGet();
        failures.asMap().computeIfAbsent("a:" + address, k -> new AtomicInteger()).incrementAndGet();
    }

    public void recordSuccess(String email) {
        failures.invalidate("e:" + key(email));
    }

    private int count(String key) {
        AtomicInteger n = failures.getIfPresent(key);
        return n == null ? 0 : n.get();
    }

    private static String key(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
