package dev.weft.tokens;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcSiteTokenRepository implements SiteTokenRepository {

    /** The guide's site token holds every scope on its own site. */
    private static final Set<String> LEGACY_SCOPES = Set.copyOf(Scopes.ALL);

    private final JdbcClient jdbc;

    JdbcSiteTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Active> active(String siteId) {
        return jdbc.sql("""
                select id, site_id, hint, created_by, created_at, digest
                from site_tokens where active_site_id = ?""")
                .param(siteId)
                .query((rs, n) -> new Active(new SiteToken(rs.getString("id"), rs.getString("site_id"), rs.getString("hint"),
                        rs.getString("created_by"), rs.getTimestamp("created_at").toInstant()), rs.getString("digest")))
                .optional();
    }

    @Override
    public void insert(SiteToken token, String digest) {
        jdbc.sql("""
                insert into site_tokens (id, site_id, active_site_id, digest, hint, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(token.id(), token.siteId(), token.siteId(), digest, token.hint(), token.createdBy(),
                        Timestamp.from(token.createdAt()))
                .update();
    }

    @Override
    public void revoke(String tokenId, Instant at, String reason) {
        jdbc.sql("""
                update site_tokens set active_site_id = null, revoked_at = ?, revoked_reason = ?
                where id = ? and revoked_at is null""")
                .params(Timestamp.from(at), reason, tokenId)
                .update();
    }

    @Override
    public Optional<VerifiedToken> findLive(String digest) {
        return jdbc.sql("""
                select t.id, t.site_id, s.workspace_id, t.created_by, t.created_at, t.digest, s.rate_limit
                from site_tokens t join sites s on s.id = t.site_id
                where t.digest = ? and t.active_site_id is not null""")
                .param(digest)
                .query((rs, n) -> TokenDigester.matches(rs.getString("digest"), digest)
                        ? new VerifiedToken(rs.getString("id"), TokenKind.SITE, rs.getString("site_id"),
                                rs.getString("workspace_id"), rs.getString("created_by"),
                                rs.getTimestamp("created_at").toInstant(),
                                rs.getObject("rate_limit") == null ? null : rs.getInt("rate_limit"), LEGACY_SCOPES, null)
                        : null)
                .optional();
    }
}
