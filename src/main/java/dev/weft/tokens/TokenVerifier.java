package dev.weft.tokens;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.weft.sites.SiteSettingsChanged;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Verifies a bearer token (a site token or an app's access token): shape and checksum (no I/O), keyed
 * digest, in-process cache, else one indexed lookup. A revoked token is evicted from the cache when its revocation commits; a lookup that raced the
 * revocation is not cached (the eviction epoch moved on). A site token's fixed expiry and the end of a rotation's
 * overlap are checked on every verification, cached or not; its idle expiry when it is read from the database
 * (a token served from the cache was used less than {@code weft.tokens.cache-ttl} ago).
 */
@Component
public class TokenVerifier {

    /** The outcome of verifying a token. */
    public sealed interface Result {
        /** {@code expiresAt}: when the token stops working, if that is within {@code weft.tokens.expiry-warning}. */
        record Valid(VerifiedToken token, Instant expiresAt) implements Result {
            public Valid(VerifiedToken token) {
                this(token, null);
            }
        }

        /** {@code reason} says what is wrong without repeating the token. */
        record Invalid(String reason) implements Result {}
    }

    /** What the cache remembers of a digest. */
    private sealed interface Known {}

    /** {@code loadedAt}: when it was read (and used), so its idle expiry is at least {@code idle-expiry} after it. */
    private record Live(VerifiedToken token, Instant expiresAt, Instant retireAt, Instant loadedAt) implements Known {}

    private record Dead(Instant at, String reason) implements Known {}

    private record Unknown() implements Known {}

    private static final Known UNKNOWN_TOKEN = new Unknown();
    private static final String UNKNOWN = "the token is not valid: it is unknown, or it was regenerated or revoked";

    private final SiteTokenRepository tokens;
    private final AppTokens appTokens;
    private final TokenDigester digester;
    private final Clock clock;
    private final LastUses lastUses;
    private final Duration idleExpiry;
    private final Duration expiryWarning;
    private final Cache<String, Known> cache;
    private final AtomicLong epoch = new AtomicLong();

    TokenVerifier(SiteTokenRepository tokens, AppTokens appTokens, TokenDigester digester, TokenProperties properties,
            Clock clock, LastUses lastUses) {
        this.tokens = tokens;
        this.appTokens = appTokens;
        this.digester = digester;
        this.clock = clock;
        this.lastUses = lastUses;
        this.idleExpiry = properties.idleExpiry();
        this.expiryWarning = properties.expiryWarning();
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
        Known known = cache.getIfPresent(digest);
        Instant now = clock.instant();
        if (known instanceof Live l && l.loadedAt() != null && !now.isBefore(l.loadedAt().plus(idleExpiry))) {
            known = null; // only when the clock jumped: read its last use again
        }
        if (known == null) {
            long before = epoch.get();
            known = kind == TokenKind.SITE ? loadSiteToken(digest)
                    : appTokens.findLive(digest).<Known>map(t -> new Live(t, null, null, null)).orElse(UNKNOWN_TOKEN);
            if (epoch.get() == before) {
                cache.put(digest, known);
            }
        }
        return switch (known) {
            case Unknown u -> new Result.Invalid(UNKNOWN);
            case Dead d when "expired".equals(d.reason()) -> new Result.Invalid(expired(d.at()));
            case Dead d -> new Result.Invalid(UNKNOWN);
            case Live live -> check(live, now);
        };
    }

    private Known loadSiteToken(String digest) {
        var found = tokens.lookup(digest).orElse(null);
        if (found == null) {
            return UNKNOWN_TOKEN;
        }
        if (found.endedAt() != null) {
            return new Dead(found.endedAt(), found.endedReason());
        }
        Instant idleDeadline = idleDeadline(found.token());
        if (idleDeadline != null) {
            return new Dead(idleDeadline, "expired");
        }
        return new Live(found.token(), found.expiresAt(), found.retireAt(), clock.instant());
    }

    /** When the token expired for lack of use, or null if it has not. Reads usage only for tokens that old. */
    private Instant idleDeadline(VerifiedToken token) {
        Instant now = clock.instant();
        if (token.createdAt().plus(idleExpiry).isAfter(now)) {
            return null;
        }
        Instant last = lastUses.lastUse(token.tokenId());
        Instant deadline = (last == null || last.isBefore(token.createdAt()) ? token.createdAt() : last).plus(idleExpiry);
        return deadline.isAfter(now) ? null : deadline;
    }

    private Result check(Live live, Instant now) {
        if (live.expiresAt() != null && !now.isBefore(live.expiresAt())) {
            return new Result.Invalid(expired(live.expiresAt()));
        }
        if (live.retireAt() != null && !now.isBefore(live.retireAt())) {
            return new Result.Invalid("the token was rotated and its overlap ended at " + show(live.retireAt())
                    + ": use the token that replaced it");
        }
        Instant ends = earliest(live.expiresAt(), live.retireAt());
        boolean soon = ends != null && ends.isBefore(now.plus(expiryWarning));
        return new Result.Valid(live.token(), soon ? ends : null);
    }

    private static String expired(Instant at) {
        return "the token expired at " + show(at) + ": generate a new one in Project Settings > Integrations > API Access";
    }

    private static String show(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    /** A site's settings changed: forget its cached tokens so the next request reads them afresh. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(SiteSettingsChanged event) {
        epoch.incrementAndGet();
        cache.asMap().values().removeIf(k -> k instanceof Live l && event.siteId().equals(l.token().siteId()));
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
