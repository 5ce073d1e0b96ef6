package dev.weft.oauth;

import dev.weft.audit.AuditAction;
import dev.weft.audit.AuditLog;
import dev.weft.audit.AuditLog.Actor;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What apps' authorizations write into the audit log of the sites they reach: authorized, revoked. Called
 * inside the transaction that makes the change, so an event is stored exactly when the change commits.
 */
@Component
class AppAuditTrail {

    private final GrantRepository grants;
    private final AuditLog audit;

    AppAuditTrail(GrantRepository grants, AuditLog audit) {
        this.grants = grants;
        this.audit = audit;
    }

    /** The app itself as the actor (it revoked its token, or presented a code twice), from its address. */
    static Actor app(GrantRepository.Summary authorization, String clientAddress) {
        return new Actor(null, "app " + authorization.appName(), clientAddress);
    }

    /**
     * Records the event on every site the authorization reaches now (a workspace grant: each site of the
     * workspace, while its user still administers it); returns those sites.
     */
    List<String> onReachedSites(GrantRepository.Summary authorization, AuditAction action, Actor actor, String detail) {
        List<String> sites = grants.reachableSiteIds(authorization.authorizationId(), authorization.userId());
        for (String siteId : sites) {
            onSite(siteId, authorization, action, actor, detail);
        }
        return sites;
    }

    void onSite(String siteId, GrantRepository.Summary authorization, AuditAction action, Actor actor, String detail) {
        audit.record(siteId, action, actor, authorization.authorizationId(), authorization.label(), detail);
    }

    /** The scopes as the audit log shows them. */
    static String scopes(GrantRepository.Summary authorization) {
        return "scopes: " + String.join(", ", authorization.scopes().split(" "));
    }
}
