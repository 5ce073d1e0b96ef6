package dev.weft.tokens;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Token settings ({@code weft.tokens.*}).
 *
 * @param pepper base64 key for token digests; empty = generated into the data directory
 * @param cacheTtl how long a verified token is trusted from the in-process cache
 * @param maxPerSite how many live named site tokens a site may have (Webflow: 5); the legacy token and tokens in
 *     a rotation's overlap do not count
 * @param idleExpiry a site token expires after this long without use (Webflow: 365 days)
 * @param expiryWarning when less than this remains, API answers carry {@code Weft-Token-Expiration} and the
 *     dashboard flags the token
 * @param sweepInterval how often expired tokens and ended overlaps are marked dead (and audited)
 */
@ConfigurationProperties("weft.tokens")
public record TokenProperties(
        String pepper,
        @DefaultValue("30s") Duration cacheTtl,
        @DefaultValue("5") int maxPerSite,
        @DefaultValue("365d") Duration idleExpiry,
        @DefaultValue("14d") Duration expiryWarning,
        @DefaultValue("1h") Duration sweepInterval) {}
