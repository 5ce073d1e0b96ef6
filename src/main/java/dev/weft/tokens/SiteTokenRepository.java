package dev.weft.tokens;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Storage of site tokens: digests and hints only. A token is dead for good once its {@code revoked_at} is set. */
public interface SiteTokenRepository {

    /** A stored token with its digest (for cache eviction). */
    record Stored(SiteToken token, String digest) {}

    /**
     * What a digest stands for, for verification: the token as the API sees it, plus what can end it.
     *
     * @param expiresAt fixed expiry or null
     * @param retireAt end of a rotation's overlap or null
     * @param endedAt, endedReason set when the token is dead
     */
    record Lookup(VerifiedToken token, Instant expiresAt, Instant retireAt, Instant endedAt, String endedReason) {}

    /** The site's current legacy token (the guide's), if it has a live one. */
    Optional<Stored> legacy(String siteId);

    Optional<Stored> find(String siteId, String tokenId);

    /** The site's live tokens, oldest first. */
    List<Stored> live(String siteId);

    /** The site's most recently ended tokens, newest first. */
    List<Stored> ended(String siteId, int limit);

    /** Live named tokens not in a rotation's overlap: what counts against {@code weft.tokens.max-per-site}. */
    int countNamedInService(String siteId);

    /** Stores a new live token; a legacy token becomes the site's current legacy token. */
    void insert(SiteToken token, String digest);

    /** Frees the site's legacy slot (the current legacy token was rotated, or a dead one still holds it). */
    void releaseLegacy(String siteId);

    /** Starts a rotation's overlap: the token keeps working until {@code rotation.retireAt()}. */
    void rotate(String tokenId, SiteToken.Rotation rotation);

    /** Ends a live token; false if it was already dead. Call {@link TokenRevocations#revoked} in the same transaction. */
    boolean end(String tokenId, Instant at, String reason, String byUserId);

    /** Live tokens whose fixed expiry or overlap end is at or before {@code now} (at most {@code limit}). */
    List<Stored> due(Instant now, int limit);

    /** Live tokens neither created nor (as far as the stored usage knows) used after {@code cutoff}. */
    List<Stored> idleSince(Instant cutoff, int limit);

    /** The token (live or dead) with this digest, if any. */
    Optional<Lookup> lookup(String digest);

    /** The live token with this digest, if any. */
    default Optional<VerifiedToken> findLive(String digest) {
        return lookup(digest).filter(l -> l.endedAt() == null).map(Lookup::token);
    }
}
