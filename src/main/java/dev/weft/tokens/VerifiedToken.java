package dev.weft.tokens;

import java.time.Instant;
import java.util.Set;

/**
 * A token that verified: who it stands for and what it may reach. Holds no secret.
 *
 * @param tokenId the site token's id, or for an app token the id of its authorization
 * @param siteId the site of a site token; null for an app token, whose sites are its grants
 * @param workspaceId the workspace of a site token's site; null for an app token
 * @param userId who issued the site token, or who authorized the app
 * @param siteRateLimit the site's own API rate limit, or null for the default
 * @param scopes the Webflow v2 scopes the token holds
 * @param appId the app an app token was issued to; null for a site token
 */
public record VerifiedToken(
        String tokenId, TokenKind kind, String siteId, String workspaceId, String userId, Instant createdAt,
        Integer siteRateLimit, Set<String> scopes, String appId) {

    public VerifiedToken {
        scopes = Set.copyOf(scopes);
    }

    public boolean isApp() {
        return kind == TokenKind.APP;
    }
}
