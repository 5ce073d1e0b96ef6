package dev.weft.tokens;

import java.time.Instant;
import java.util.Optional;

/** Storage of site tokens: digests and hints only. */
public interface SiteTokenRepository {

    /** The site's current token, with its digest (for cache eviction), if it has one. */
    record Active(SiteToken token, String digest) {}

    Optional<Active> active(String siteId);

    void insert(SiteToken token, String digest);

    void revoke(String tokenId, Instant at, String reason);

    /** The live token with this digest, if any. */
    Optional<VerifiedToken> findLive(String digest);
}
