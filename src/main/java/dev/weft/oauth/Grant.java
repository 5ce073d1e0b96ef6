package dev.weft.oauth;

import java.time.Instant;
import java.util.List;

/**
 * An app's authorization as its owners and its users see it: which app, who authorized it and when, the
 * scopes and what it reaches. Holds no secret: only the access token's hint.
 *
 * @param workspaceIds workspaces granted whole (their sites, also later ones)
 * @param siteIds single sites granted
 * @param viaWorkspace for a listing by site: true when the site is reached through a workspace grant
 */
public record Grant(
        String authorizationId,
        App app,
        String userId,
        String authorizedBy,
        List<String> scopes,
        String tokenHint,
        Instant createdAt,
        List<String> workspaceIds,
        List<String> siteIds,
        boolean viaWorkspace) {}
