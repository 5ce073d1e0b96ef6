package dev.weft.tokens;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcSiteTokenRepository implements SiteTokenRepository {

    private static final String COLUMNS = """
            t.id, t.site_id, t.token_name, t.scopes, t.hint, t.created_by, t.created_at, t.expires_at, t.rotated_at,
            t.retire_at, t.successor_hint, t.requests_at_rotation, t.revoked_at, t.revoked_reason, t.revoked_by, t.digest""";

    private static final String LIVE = "t.revoked_at is null";

    private final JdbcClient jdbc;

    JdbcSiteTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Stored> legacy(String siteId) {
        return jdbc.sql("select " + COLUMNS + " from site_tokens t where t.legacy_site_id = ? and " + LIVE)
                .param(siteId).query(JdbcSiteTokenRepository::stored).optional();
    }

    @Override
    public Optional<Stored> find(String siteId, String tokenId) {
        return jdbc.sql("select " + COLUMNS + " from site_tokens t where t.id = ? and t.site_id = ?")
                .params(tokenId, siteId).query(JdbcSiteTokenRepository::stored).optional();
    }

    @Override
    public List<Stored> live(String siteId) {
        return jdbc.sql("select " + COLUMNS + " from site_tokens t where t.active_site_id = ? and " + LIVE
                        + " order by t.created_at, t.id")
                .param(siteId).query(JdbcSiteTokenRepository::stored).list();
    }

    @Override
    public List<Stored> ended(String siteId, int limit) {
        return jdbc.sql("select " + COLUMNS + " from site_tokens t where t.site_id = ? and t.revoked_at is not null"
                        + " order by t.revoked_at desc, t.id desc fetch first ? rows only")
                .params(siteId, limit).query(JdbcSiteTokenRepository::stored).list();
    }

    @Override
    public int countNamedInService(String siteId) {
        return jdbc.sql("""
                select count(*) from site_tokens t
                where t.active_site_id = ? and t.revoked_at is null and t.token_name is not null and t.retire_at is null""")
                .param(siteId).query(Integer.class).single();
    }

    @Override
    public void insert(SiteToken token, String digest) {
        jdbc.sql("""
                insert into site_tokens (id, site_id, active_site_id, legacy_site_id, digest, hint, created_by, created_at,
                                         token_name, scopes, expires_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(token.id(), token.siteId(), token.siteId(), token.legacy() ? token.siteId() : null, digest,
                        token.hint(), token.createdBy(), Timestamp.from(token.createdAt()), token.name(),
                        token.legacy() ? null : String.join(" ", token.scopes().stream().sorted().toList()),
                        timestamp(token.expiresAt()))
                .update();
    }

    @Override
    public void releaseLegacy(String siteId) {
        jdbc.sql("update site_tokens set legacy_site_id = null where legacy_site_id = ?").param(siteId).update();
    }

    @Override
    public void rotate(String tokenId, SiteToken.Rotation rotation) {
        jdbc.sql("""
                update site_tokens set rotated_at = ?, retire_at = ?, successor_hint = ?, requests_at_rotation = ?,
                                       legacy_site_id = null
                where id = ? and revoked_at is null""")
                .params(Timestamp.from(rotation.at()), Timestamp.from(rotation.retireAt()), rotation.successorHint(),
                        rotation.requestsAtRotation(), tokenId)
                .update();
    }

    @Override
    public boolean end(String tokenId, Instant at, String reason, String byUserId) {
        return jdbc.sql("""
                update site_tokens set active_site_id = null, legacy_site_id = null, revoked_at = ?, revoked_reason = ?,
                                       revoked_by = ?
                where id = ? and revoked_at is null""")
                .params(Timestamp.from(at), reason, byUserId, tokenId)
                .update() == 1;
    }

    @Override
    public List<Stored> due(Instant now, int limit) {
        Timestamp t = Timestamp.from(now);
        return jdbc.sql("select " + COLUMNS + " from site_tokens t where " + LIVE
                        + " and (t.retire_at <= ? or t.expires_at <= ?) order by t.id fetch first ? rows only")
                .params(t, t, limit).query(JdbcSiteTokenRepository::stored).list();
    }

    /** Reads the last uses the usage capability has written (token_usage_daily); callers check unwritten ones. */
    @Override
    public List<Stored> idleSince(Instant cutoff, int limit) {
        Timestamp t = Timestamp.from(cutoff);
        return jdbc.sql("select " + COLUMNS + " from site_tokens t where " + LIVE + " and t.created_at <= ?"
                        + " and not exists (select 1 from token_usage_daily u where u.token_id = t.id and u.last_used_at > ?)"
                        + " order by t.id fetch first ? rows only")
                .params(t, t, limit).query(JdbcSiteTokenRepository::stored).list();
    }

    @Override
    public Optional<Lookup> lookup(String digest) {
        return jdbc.sql("""
                select t.id, t.site_id, s.workspace_id, t.created_by, t.created_at, t.digest, s.rate_limit, t.scopes,
                       t.expires_at, t.retire_at, t.revoked_at, t.revoked_reason
                from site_tokens t join sites s on s.id = t.site_id
                where t.digest = ?""")
                .param(digest)
                .query((rs, n) -> TokenDigester.matches(rs.getString("digest"), digest)
                        ? new Lookup(new VerifiedToken(rs.getString("id"), TokenKind.SITE, rs.getString("site_id"),
                                rs.getString("workspace_id"), rs.getString("created_by"),
                                rs.getTimestamp("created_at").toInstant(),
                                rs.getObject("rate_limit") == null ? null : rs.getInt("rate_limit"),
                                scopes(rs.getString("scopes")), null),
                                instant(rs, "expires_at"), instant(rs, "retire_at"), instant(rs, "revoked_at"),
                                rs.getString("revoked_reason"))
                        : null)
                .optional();
    }

    private static Stored stored(ResultSet rs, int n) throws SQLException {
        Instant rotatedAt = instant(rs, "rotated_at");
        Instant revokedAt = instant(rs, "revoked_at");
        SiteToken token = new SiteToken(rs.getString("id"), rs.getString("site_id"), rs.getString("token_name"),
                scopes(rs.getString("scopes")), rs.getString("hint"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), instant(rs, "expires_at"),
                rotatedAt == null ? null : new SiteToken.Rotation(rotatedAt, instant(rs, "retire_at"),
                        rs.getString("successor_hint"), rs.getLong("requests_at_rotation")),
                revokedAt == null ? null : new SiteToken.Ended(revokedAt, rs.getString("revoked_reason"),
                        rs.getString("revoked_by")));
        return new Stored(token, rs.getString("digest"));
    }

    /** Null (the legacy token) means every scope. */
    private static Set<String> scopes(String stored) {
        return stored == null ? Set.copyOf(Scopes.ALL)
                : Arrays.stream(stored.split(" ")).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
