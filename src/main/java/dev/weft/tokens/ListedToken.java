package dev.weft.tokens;

import dev.weft.usage.Usage;
import java.time.Instant;

/**
 * A site token as API Access lists it.
 *
 * @param lastUse its last use, or null if never used
 * @param expiresAt for a live token, when it expires unless used again (idle) or at its fixed date, whichever
 *     comes first; null for a dead one
 * @param expiresIdle whether {@code expiresAt} is the idle expiry (the token has not been used for long)
 * @param daysLeft whole days until {@code expiresAt} (rounded up); -1 when there is no expiry
 * @param expiresSoon less than {@code weft.tokens.expiry-warning} left
 * @param callsSinceRotation for a rotated, still live token: its requests since the rotation; else -1
 * @param lastCallSinceRotation the last of those requests, or null
 */
public record ListedToken(SiteToken token, Usage.LastUse lastUse, Instant expiresAt, boolean expiresIdle, long daysLeft,
        boolean expiresSoon, long callsSinceRotation, Instant lastCallSinceRotation) {}
