package dev.weft.oauth;

import dev.weft.audit.AuditAction;
import dev.weft.audit.AuditLog.Actor;
import dev.weft.tokens.TokenRevocations;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The live authorizations of apps (table {@code oauth_authorizations}) as the authorization server sees them:
 * found by the digest of their access token, and revoked. Every revocation sets {@code revoked_at} and tells
 * {@link TokenRevocations} in the same transaction, so no node trusts the token afterwards, and writes
 * {@code APP_REVOKED} into the audit log of every site the authorization reached.
 */
@Component
public class AppAuthorizations {

    /** Why an authorization ended ({@code oauth_authorizations.revoked_reason}). */
    public static final String REVOKED_BY_APP = "revoked_by_app";
    public static final String CODE_REUSED = "code_reused";
    public static final String REPORTED_LEAKED = "reported_leaked";

    /** A live (not revoked) authorization whose access token has been issued. */
    public record Live(String id, String appId, List<String> scopes, String tokenDigest, Instant createdAt) {}

    /**
     * An app token revoked because it was reported leaked: its authorization, how to name it (app and token
     * hint, never the token) and the sites it reached.
     */
    public record Revoked(String authorizationId, String appId, String label, List<String> siteIds) {}

    private static final String LIVE_BY_TOKEN = """
            select id, app_id, scopes, token_digest, created_at from oauth_authorizations
            where token_digest = ? and app_id = ? and revoked_at is null""";
    private static final String REVOKE = """
            update oauth_authorizations set revoked_at = ?, revoked_reason = ?
            where id = ? and revoked_at is null""";

    private final JdbcClient jdbc;
    private final GrantRepository grants;
    private final AppAuditTrail trail;
    private final TokenRevocations revocations;
    private final Clock clock;

    AppAuthorizations(JdbcClient jdbc, GrantRepository grants, AppAuditTrail trail, TokenRevocations revocations,
            Clock clock) {
        this.jdbc = jdbc;
        this.grants = grants;
        this.trail = trail;
        this.revocations = revocations;
        this.clock = clock;
    }

    /** The live authorization of the app whose access token has this digest. */
    public Optional<Live> liveByToken(String appId, String tokenDigest) {
        return jdbc.sql(LIVE_BY_TOKEN).params(tokenDigest, appId)
                .query((rs, n) -> new Live(rs.getString("id"), rs.getString("app_id"),
                        Arrays.asList(rs.getString("scopes").split(" ")), rs.getString("token_digest"),
                        rs.getTimestamp("created_at").toInstant()))
                .optional();
    }

    /**
     * The user allowed the app (the authorization and its grants are written): {@code APP_AUTHORIZED} on each site
     * it reaches at this moment, with the scopes. Call in the transaction that created it.
     */
    @Transactional
    public void authorized(String authorizationId, Actor user) {
        grants.summary(authorizationId).ifPresent(a ->
                trail.onReachedSites(a, AuditAction.APP_AUTHORIZED, user, AppAuditTrail.scopes(a)));
    }

    /**
     * Revoked by the app itself, from {@code clientAddress}: {@code POST /oauth/revoke} and
     * {@code /oauth/revoke_authorization} ({@link #REVOKED_BY_APP}), or its authorization code presented twice
     * ({@link #CODE_REUSED}). No-op when already revoked; true when this call revoked it.
     */
    @Transactional
    public boolean revokeByApp(String authorizationId, String reason, String clientAddress) {
        var authorization = grants.summary(authorizationId).filter(GrantRepository.Summary::live);
        if (authorization.isEmpty()) {
            return false;
        }
        String detail = CODE_REUSED.equals(reason)
                ? "its authorization code was used twice, so the token it issued is revoked"
                : "revoked by the app";
        trail.onReachedSites(authorization.get(), AuditAction.APP_REVOKED,
                AppAuditTrail.app(authorization.get(), clientAddress), detail);
        return revoke(authorizationId, reason);
    }

    /**
     * Revokes the live app token with this digest because it was reported leaked (the caller records the report
     * and the audit events); empty when no live app token has it.
     */
    @Transactional
    public Optional<Revoked> revokeReportedLeaked(String tokenDigest) {
        return grants.liveByTokenDigest(tokenDigest).flatMap(a -> {
            List<String> sites = grants.reachableSiteIds(a.authorizationId(), a.userId());
            return revoke(a.authorizationId(), REPORTED_LEAKED)
                    ? Optional.of(new Revoked(a.authorizationId(), a.appId(), a.label(), sites))
                    : Optional.empty();
        });
    }

    /**
     * The app is being deleted by {@code actor}: {@code APP_REVOKED} on every site its authorizations reach, and
     * every node told that its live tokens are gone (before its rows are deleted with the app).
     */
    @Transactional
    public void announceAppDeleted(String appId, Actor actor) {
        for (String id : grants.liveIdsOfApp(appId)) {
            grants.summary(id).ifPresent(a -> trail.onReachedSites(a, AuditAction.APP_REVOKED, actor, "the app was deleted"));
        }
        jdbc.sql("select token_digest from oauth_authorizations where app_id = ? and revoked_at is null and token_digest is not null")
                .param(appId).query(String.class).list().forEach(revocations::revoked);
    }

    /**
     * The app's registered scopes changed from {@code before} to {@code after}: {@code SCOPES_CHANGED} on every
     * site its live authorizations reach. Granted tokens keep the scopes they were granted; the change applies to
     * the next authorization.
     */
    @Transactional
    public void announceScopesChanged(String appId, List<String> before, List<String> after, Actor actor) {
        String detail = "registered scopes changed from " + String.join(", ", before) + " to " + String.join(", ", after)
                + "; this authorization keeps what it was granted";
        for (String id : grants.liveIdsOfApp(appId)) {
            grants.summary(id).ifPresent(a -> trail.onReachedSites(a, AuditAction.SCOPES_CHANGED, actor, detail));
        }
    }

    private boolean revoke(String authorizationId, String reason) {
        String digest = jdbc.sql("select token_digest from oauth_authorizations where id = ? and revoked_at is null")
                .param(authorizationId).query(String.class).optional().orElse(null);
        int updated = jdbc.sql(REVOKE).params(Timestamp.from(clock.instant()), reason, authorizationId).update();
        if (updated == 1 && digest != null) {
            revocations.revoked(digest);
        }
        return updated == 1;
    }
}
