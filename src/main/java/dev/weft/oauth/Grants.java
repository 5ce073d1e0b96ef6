package dev.weft.oauth;

import dev.weft.audit.AuditAction;
import dev.weft.audit.AuditLog.Actor;
import dev.weft.sites.SiteService;
import dev.weft.system.ForbiddenException;
import dev.weft.system.NotFoundException;
import dev.weft.tokens.TokenRevocations;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What apps' authorizations reach, and ending them: from a site's Integrations page (that site only, at
 * once) and from the account page of the user who authorized (the whole authorization).
 */
@Service
public class Grants {

    private final GrantRepository grants;
    private final AppRepository apps;
    private final SiteService sites;
    private final TokenRevocations revocations;
    private final AppAuditTrail trail;
    private final Clock clock;

    Grants(GrantRepository grants, AppRepository apps, SiteService sites, TokenRevocations revocations,
            AppAuditTrail trail, Clock clock) {
        this.grants = grants;
        this.apps = apps;
        this.sites = sites;
        this.revocations = revocations;
        this.trail = trail;
        this.clock = clock;
    }

    /** Ids of the sites an app token reaches now (its user must still administer their workspaces). */
    public List<String> reachableSiteIds(String authorizationId, String userId) {
        return grants.reachableSiteIds(authorizationId, userId);
    }

    /** Workspaces granted whole. */
    public List<String> grantedWorkspaceIds(String authorizationId) {
        return grants.grantedWorkspaceIds(authorizationId);
    }

    public Optional<App> app(String appId) {
        return apps.find(appId);
    }

    /** The apps with access to a site, for its workspace's owners and admins. */
    public List<Grant> forSite(String actorId, String siteId) {
        var access = sites.forUser(actorId, siteId);
        requireAdministrator(access.role().administersSites());
        return grants.reachingSite(siteId, access.site().workspaceId());
    }

    /**
     * Revoke on a site's Integrations page: the app loses this site at once (other sites of a workspace grant
     * stay); an authorization left reaching nothing is revoked whole, its token with it. {@code APP_REVOKED} on
     * that site, by the user from {@code clientAddress}.
     */
    @Transactional
    public void revokeFromSite(String actorId, String siteId, String authorizationId, String clientAddress) {
        var access = sites.forUser(actorId, siteId);
        requireAdministrator(access.role().administersSites());
        boolean reaches = grants.reachingSite(siteId, access.site().workspaceId()).stream()
                .anyMatch(g -> g.authorizationId().equals(authorizationId));
        if (!reaches) {
            throw new NotFoundException("That application has no access to this site.");
        }
        Instant now = now();
        grants.summary(authorizationId).ifPresent(a -> trail.onSite(siteId, a, AuditAction.APP_REVOKED,
                Actor.user(actorId, clientAddress), "access to this site revoked on its Integrations page"));
        grants.excludeSite(authorizationId, siteId, now);
        if (!grants.reachesAnything(authorizationId)) {
            grants.revoke(authorizationId, now, "revoked_by_user").ifPresent(revocations::revoked);
        }
    }

    /** Every app the user authorized, across workspaces and sites. */
    public List<Grant> forUser(String userId) {
        return grants.byUser(userId);
    }

    /**
     * Revoke from the account page: only the user who authorized it; the token stops working at once.
     * {@code APP_REVOKED} on every site it reached, by the user from {@code clientAddress}.
     */
    @Transactional
    public void revoke(String userId, String authorizationId, String clientAddress) {
        Grant grant = grants.live(authorizationId)
                .filter(g -> g.userId().equals(userId))
                .orElseThrow(() -> new NotFoundException("That authorization cannot be found."));
        grants.summary(authorizationId).ifPresent(a -> trail.onReachedSites(a, AuditAction.APP_REVOKED,
                Actor.user(userId, clientAddress), "revoked from the account page of the user who authorized it"));
        grants.revoke(grant.authorizationId(), now(), "revoked_by_user").ifPresent(revocations::revoked);
    }

    private static void requireAdministrator(boolean administers) {
        if (!administers) {
            throw new ForbiddenException("Only the workspace's owners and admins can manage authorized applications.");
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
