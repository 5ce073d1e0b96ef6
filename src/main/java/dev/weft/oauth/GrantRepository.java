package dev.weft.oauth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads and ends authorizations (oauth_authorizations, oauth_grants). */
interface GrantRepository {

    /** Sites the authorization reaches while {@code userId} still administers their workspace. */
    List<String> reachableSiteIds(String authorizationId, String userId);

    List<String> grantedWorkspaceIds(String authorizationId);

    /** Live (token issued, not revoked) authorizations that reach the site. */
    List<Grant> reachingSite(String siteId, String siteWorkspaceId);

    /** Live authorizations the user made. */
    List<Grant> byUser(String userId);

    Optional<Grant> live(String authorizationId);

    /** Stops the authorization reaching one site (kept as an excluded grant row). */
    void excludeSite(String authorizationId, String siteId, Instant at);

    /** True when some grant row of the authorization is still not excluded. */
    boolean reachesAnything(String authorizationId);

    /**
     * Who and what an authorization is, for the audit log: also before its token is issued. {@code live} is false
     * once it is revoked.
     */
    record Summary(String authorizationId, String appId, String appName, String userId, String scopes,
            String tokenHint, boolean live) {
        /** How the audit log names it: the app, and its token's hint once issued. */
        String label() {
            return tokenHint == null ? appName : appName + " (" + tokenHint + ")";
        }
    }

    Optional<Summary> summary(String authorizationId);

    /** The live authorization whose issued access token has this digest. */
    Optional<Summary> liveByTokenDigest(String tokenDigest);

    /** Ids of the app's authorizations that are not revoked (token issued or not). */
    List<String> liveIdsOfApp(String appId);

    /** Revokes the authorization; returns its token digest if it was live. */
    Optional<String> revoke(String authorizationId, Instant at, String reason);
}
