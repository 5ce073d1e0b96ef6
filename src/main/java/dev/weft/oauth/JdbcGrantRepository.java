package dev.weft.oauth;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcGrantRepository implements GrantRepository {

    /** The authorizing user must still administer the workspace: a grant lapses with its user's rights. */
    private static final String ADMINISTERS = """
            exists (select 1 from workspace_members m where m.workspace_id = %s and m.user_id = %s
                    and m.role in ('owner', 'admin'))
            """;

    private static final String GRANT_COLUMNS = """
            a.id, a.app_id, a.user_id, a.scopes, a.token_hint, a.created_at,
            trim(u.first_name || ' ' || u.last_name) as authorized_by""";

    private final JdbcClient jdbc;
    private final AppRepository apps;

    JdbcGrantRepository(JdbcClient jdbc, AppRepository apps) {
        this.jdbc = jdbc;
        this.apps = apps;
    }

    @Override
    public List<String> reachableSiteIds(String authorizationId, String userId) {
        return jdbc.sql("""
                select s.id from sites s
                where (s.workspace_id in (select g.target_id from oauth_grants g where g.authorization_id = :a
                                            and g.target_type = 'workspace' and g.excluded = false)
                       or s.id in (select g.target_id from oauth_grants g where g.authorization_id = :a
                                     and g.target_type = 'site' and g.excluded = false))
                  and s.id not in (select g.target_id from oauth_grants g where g.authorization_id = :a
                                     and g.target_type = 'site' and g.excluded = true)
                  and""" + " " + ADMINISTERS.formatted("s.workspace_id", ":u") + " order by s.created_at, s.id")
                .param("a", authorizationId)
                .param("u", userId)
                .query(String.class)
                .list();
    }

    @Override
    public List<String> grantedWorkspaceIds(String authorizationId) {
        return jdbc.sql("""
                select target_id from oauth_grants where authorization_id = ? and target_type = 'workspace'
                and excluded = false order by created_at, target_id""")
                .param(authorizationId)
                .query(String.class)
                .list();
    }

    @Override
    public List<Grant> reachingSite(String siteId, String siteWorkspaceId) {
        return jdbc.sql("select " + GRANT_COLUMNS + """
                , exists (select 1 from oauth_grants g where g.authorization_id = a.id and g.target_type = 'workspace'
                          and g.target_id = :w and g.excluded = false) as via_workspace
                from oauth_authorizations a join users u on u.id = a.user_id
                where a.revoked_at is null and a.token_digest is not null
                  and (exists (select 1 from oauth_grants g where g.authorization_id = a.id and g.target_type = 'workspace'
                               and g.target_id = :w and g.excluded = false)
                       or exists (select 1 from oauth_grants g where g.authorization_id = a.id and g.target_type = 'site'
                                  and g.target_id = :s and g.excluded = false))
                  and not exists (select 1 from oauth_grants g where g.authorization_id = a.id and g.target_type = 'site'
                                  and g.target_id = :s and g.excluded = true)
                  and""" + " " + ADMINISTERS.formatted(":w", "a.user_id") + " order by a.created_at, a.id")
                .param("w", siteWorkspaceId)
                .param("s", siteId)
                .query((rs, n) -> row(rs, rs.getBoolean("via_workspace")))
                .list()
                .stream()
                .map(this::complete)
                .flatMap(Optional::stream)
                .toList();
    }

    @Override
    public List<Grant> byUser(String userId) {
        return jdbc.sql("select " + GRANT_COLUMNS + """
                 from oauth_authorizations a join users u on u.id = a.user_id
                where a.user_id = ? and a.revoked_at is null and a.token_digest is not null
                order by a.created_at, a.id""")
                .param(userId)
                .query((rs, n) -> row(rs, false))
                .list()
                .stream()
                .map(this::complete)
                .flatMap(Optional::stream)
                .toList();
    }

    @Override
    public Optional<Grant> live(String authorizationId) {
        return jdbc.sql("select " + GRANT_COLUMNS + """
                 from oauth_authorizations a join users u on u.id = a.user_id
                where a.id = ? and a.revoked_at is null and a.token_digest is not null""")
                .param(authorizationId)
                .query((rs, n) -> row(rs, false))
                .optional()
                .flatMap(this::complete);
    }

    @Override
    public void excludeSite(String authorizationId, String siteId, Instant at) {
        int updated = jdbc.sql("""
                update oauth_grants set excluded = true
                where authorization_id = ? and target_type = 'site' and target_id = ?""")
                .params(authorizationId, siteId)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into oauth_grants (authorization_id, target_type, target_id, excluded, created_at)
                    values (?, 'site', ?, true, ?)""")
                    .params(authorizationId, siteId, Timestamp.from(at))
                    .update();
        }
    }

    @Override
    public boolean reachesAnything(String authorizationId) {
        return jdbc.sql("select count(*) from oauth_grants where authorization_id = ? and excluded = false")
                .param(authorizationId)
                .query(Long.class)
                .single() > 0;
    }

    @Override
    public Optional<String> revoke(String authorizationId, Instant at, String reason) {
        Optional<String> digest = jdbc.sql("""
                select token_digest from oauth_authorizations where id = ? and revoked_at is null""")
                .param(authorizationId)
                .query((rs, n) -> Optional.ofNullable(rs.getString("token_digest")))
                .optional()
                .flatMap(d -> d);
        int updated = jdbc.sql("""
                update oauth_authorizations set revoked_at = ?, revoked_reason = ? where id = ? and revoked_at is null""")
                .params(Timestamp.from(at), reason, authorizationId)
                .update();
        return updated == 0 ? Optional.empty() : digest;
    }

    private static final String SUMMARY = """
            select a.id, a.app_id, p.name, a.user_id, a.scopes, a.token_hint, a.revoked_at
            from oauth_authorizations a join oauth_apps p on p.id = a.app_id
            """;

    @Override
    public Optional<Summary> summary(String authorizationId) {
        return jdbc.sql(SUMMARY + "where a.id = ?").param(authorizationId).query(JdbcGrantRepository::summary).optional();
    }

    @Override
    public Optional<Summary> liveByTokenDigest(String tokenDigest) {
        return jdbc.sql(SUMMARY + "where a.token_digest = ? and a.revoked_at is null").param(tokenDigest)
                .query(JdbcGrantRepository::summary).optional();
    }

    @Override
    public List<String> liveIdsOfApp(String appId) {
        return jdbc.sql("select id from oauth_authorizations where app_id = ? and revoked_at is null order by created_at, id")
                .param(appId).query(String.class).list();
    }

    private static Summary summary(ResultSet rs, int n) throws SQLException {
        return new Summary(rs.getString("id"), rs.getString("app_id"), rs.getString("name"), rs.getString("user_id"),
                rs.getString("scopes"), rs.getString("token_hint"), rs.getTimestamp("revoked_at") == null);
    }

    /** A row before its app and targets are read. */
    private record Row(String id, String appId, String userId, String scopes, String hint, Instant createdAt,
            String authorizedBy, boolean viaWorkspace) {}

    private static Row row(ResultSet rs, boolean viaWorkspace) throws SQLException {
        return new Row(rs.getString("id"), rs.getString("app_id"), rs.getString("user_id"), rs.getString("scopes"),
                rs.getString("token_hint"), rs.getTimestamp("created_at").toInstant(), rs.getString("authorized_by"),
                viaWorkspace);
    }

    private Optional<Grant> complete(Row r) {
        List<String> workspaces = new ArrayList<>();
        List<String> sites = new ArrayList<>();
        jdbc.sql("""
                select target_type, target_id from oauth_grants where authorization_id = ? and excluded = false
                order by created_at, target_id""")
                .param(r.id())
                .query(rs -> {
                    ("workspace".equals(rs.getString("target_type")) ? workspaces : sites).add(rs.getString("target_id"));
                });
        return apps.find(r.appId()).map(app -> new Grant(r.id(), app, r.userId(), r.authorizedBy(),
                List.copyOf(JdbcAppTokens.scopes(r.scopes()).stream().sorted().toList()), r.hint(), r.createdAt(),
                workspaces, sites, r.viaWorkspace()));
    }
}
