package dev.weft.tokens;

import java.time.Instant;

/** When a credential was last used (written or still pending), or null if never: for the idle expiry. */
@FunctionalInterface
public interface LastUses {
    Instant lastUse(String tokenId);
}
