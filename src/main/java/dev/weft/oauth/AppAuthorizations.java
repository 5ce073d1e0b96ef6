package dev.weft.oauth;

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
 * {@link TokenRevocations} in the same transaction, so no node trusts the token afterwards.
 */
@Component
public class AppAuthorizations {

    /** Why an authorization ended ({@code oauth_authorizations.revoked_reason}). */
    public static final String REVOKED_BY_APP = "revoked_by_app";
    public static final String CODE_REUSED = "code_reused";

    /** A live (not revoked) authorization whose access token has been issued. */
    public record Live(String id, String appId, List<String> scopes, String tokenDigest, Instant createdAt) {}

    private static final String LIVE_BY_TOKEN = """
            select id, app_id, scopes, token_digest, created_at from oauth_authorizations
            where token_digest = ? and app_id = ? and revoked_at is null""";
    private static final String REVOKE = """
            update oauth_authorizations set revoked_at = ?, revoked_reason = ?
            where id = ? and revoked_at is null""";

    private final JdbcClient jdbc;
    private final TokenRevocations revocations;
    private final Clock clock;

    AppAuthorizations(JdbcClient jdbc, TokenRevocations revocations, Clock clock) {
        this.jdbc = jdbc;
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

    /** Revokes the authorization (no-op when already revoked); true when this call revoked it. */
    @Transactional
    public boolean revoke(String authorizationId, String reason) {
        String digest = jdbc.sql("select token_digest from oauth_authorizations where id = ? and revoked_at is null")
                .param(authorizationId).query(String.class).optional().orElse(null);
        int updated = jdbc.sql(REVOKE).params(Timestamp.from(clock.instant()), reason, authorizationId).update();
        if (updated == 1 && digest != null) {
            revocations.revoked(digest);
        }
        return updated == 1;
    }

    /** Tells every node that the app's live tokens are gone (before its rows are deleted with the app). */
    @Transactional
    public void announceAppDeleted(String appId) {
        jdbc.sql("select token_digest from oauth_authorizations where app_id = ? and revoked_at is null and token_digest is not null")
                .param(appId).query(String.class).list().forEach(revocations::revoked);
    }
}
