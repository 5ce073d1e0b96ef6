package dev.weft.tokens;

import java.time.Instant;

/**
 * A token that verified: who it stands for and what it may reach. Holds no secret.
 *
 * @param siteRateLimit the site's own API rate limit, or null for the default
 */
public record VerifiedToken(
        String tokenId, TokenKind kind, String siteId, String workspaceId, String userId, Instant createdAt,
        Integer siteRateLimit) {}
