package dev.weft.tokens;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import dev.weft.sites.SiteSettingsChanged;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Verifies a bearer token: shape and checksum (no I/O), keyed digest, in-process cache, else one indexed
 * lookup. A revoked token is evicted from the cache when its revocation commits; a lookup that raced the
 * revocation is not cached (the eviction epoch moved on).
 */
@Component
public class TokenVerifier {

    /** The outcome of verifying a token. */
    public sealed interface Result {
        record Valid(VerifiedToken token) implements Result {}

        /** {@code reason} says what is wrong without repeating the token. */
        record Invalid(String reason) implements Result {}
    }

    private static final String UNKNOWN = "the token is not valid: it is unknown, or it was regenerated or revoked";

    private final SiteTokenRepository tokens;
    private final TokenDigester digester;
    private final LastUsedRecorder lastUsed;
    private final Clock clock;
    private final Cache<String, Optional<VerifiedToken>> cache;
    private final AtomicLong epoch = new AtomicLong();

    TokenVerifier(SiteTokenRepository tokens, TokenDigester digester, LastUsedRecorder lastUsed, Clock clock,
            TokenProperties properties) {
        this.tokens = tokens;
        this.digester = digester;
        this.lastUsed = lastUsed;
        this.clock = clock;
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(properties.cacheTtl())
                .maximumSize(200_000)
                .build();
    }

    /** Verifies {@code token} and, when valid, records its use. */
    public Result verify(String token) {
        TokenFormat.Parsed parsed = TokenFormat.parse(token);
        if (parsed instanceof TokenFormat.Parsed.Malformed malformed) {
            return new Result.Invalid(malformed.reason());
        }
        if (((TokenFormat.Parsed.WellFormed) parsed).kind() != TokenKind.SITE) {
            return new Result.Invalid(UNKNOWN);
        }
        String digest = digester.digest(token);
        Optional<VerifiedToken> found = cache.getIfPresent(digest);
        if (found == null) {
            long before = epoch.get();
            found = tokens.findLive(digest);
            if (epoch.get() == before) {
                cache.put(digest, found);
            }
        }
        if (found.isEmpty()) {
            return new Result.Invalid(UNKNOWN);
        }
        lastUsed.record(found.get().tokenId(), Instant.now(clock));
        return new Result.Valid(found.get());
    }

    /** The most recent use of a token, including one not yet written to the database. */
    public Instant pendingLastUse(String tokenId) {
        return lastUsed.pendingFor(tokenId);
    }

    /** A site's settings changed: forget its cached tokens so the next request reads them afresh. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(SiteSettingsChanged event) {
        epoch.incrementAndGet();
        cache.asMap().values().removeIf(t -> t.isPresent() && t.get().siteId().equals(event.siteId()));
    }

    /** Forgets every cached token (e.g. after revocation notices may have been missed). */
    void evictAll() {
        epoch.incrementAndGet();
        cache.invalidateAll();
    }

    void evict(String digest) {
        epoch.incrementAndGet();
        cache.invalidate(digest);
    }
}
