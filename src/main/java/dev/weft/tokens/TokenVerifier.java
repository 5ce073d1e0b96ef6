package dev.weft.tokens;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.weft.sites.SiteSettingsChanged;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Verifies a bearer token (a site token or an app's access token): shape and checksum (no I/O), keyed
 * digest, in-process cache, else one indexed lookup. A revoked token is evicted from the cache when its revocation commits; a lookup that raced the
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
    private final AppTokens appTokens;
    private final TokenDigester digester;
    private final Cache<String, Optional<VerifiedToken>> cache;
    private final AtomicLong epoch = new AtomicLong();

    TokenVerifier(SiteTokenRepository tokens, AppTokens appTokens, TokenDigester digester, TokenProperties properties) {
        this.tokens = tokens;
        this.appTokens = appTokens;
        this.digester = digester;
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(properties.cacheTtl())
                .maximumSize(200_000)
                .build();
    }

    /** Verifies {@code token}. */
    public Result verify(String token) {
        TokenFormat.Parsed parsed = TokenFormat.parse(token);
        if (parsed instanceof TokenFormat.Parsed.Malformed malformed) {
            return new Result.Invalid(malformed.reason());
        }
        TokenKind kind = ((TokenFormat.Parsed.WellFormed) parsed).kind();
        if (kind != TokenKind.SITE && kind != TokenKind.APP) {
            return new Result.Invalid(UNKNOWN);
        }
        String digest = digester.digest(token);
        Optional<VerifiedToken> found = cache.getIfPresent(digest);
        if (found == null) {
            long before = epoch.get();
            found = kind == TokenKind.SITE ? tokens.findLive(digest) : appTokens.findLive(digest);
            if (epoch.get() == before) {
                cache.put(digest, found);
            }
        }
        if (found.isEmpty()) {
            return new Result.Invalid(UNKNOWN);
        }
        return new Result.Valid(found.get());
    }

    /** A site's settings changed: forget its cached tokens so the next request reads them afresh. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(SiteSettingsChanged event) {
        epoch.incrementAndGet();
        cache.asMap().values().removeIf(t -> t.isPresent() && event.siteId().equals(t.get().siteId()));
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
