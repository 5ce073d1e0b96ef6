package dev.weft.oauth;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcAppRepository implements AppRepository {

    private static final String COLUMNS = """
            id, workspace_id, client_id, name, description, homepage, redirect_uris, scopes, secret_hint,
            secret_created_at, created_by, created_at, updated_at""";

    private final JdbcClient jdbc;

    JdbcAppRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(App app, String secretDigest) {
        jdbc.sql("insert into oauth_apps (" + COLUMNS + ", secret_digest) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(app.id(), app.workspaceId(), app.clientId(), app.name(), app.description(), app.homepage(),
                        String.join("\n", app.redirectUris()), String.join(" ", app.scopes()), app.secretHint(),
                        Timestamp.from(app.secretCreatedAt()), app.createdBy(), Timestamp.from(app.createdAt()),
                        Timestamp.from(app.updatedAt()), secretDigest)
                .update();
    }

    @Override
    public void update(App app) {
        jdbc.sql("""
                update oauth_apps set name = ?, description = ?, homepage = ?, redirect_uris = ?, scopes = ?,
                       updated_at = ?
                where id = ?""")
                .params(app.name(), app.description(), app.homepage(), String.join("\n", app.redirectUris()),
                        String.join(" ", app.scopes()), Timestamp.from(app.updatedAt()), app.id())
                .update();
    }

    @Override
    public void replaceSecret(String appId, String secretDigest, String hint, Instant at) {
        jdbc.sql("""
                update oauth_apps set secret_digest = ?, secret_hint = ?, secret_created_at = ?, updated_at = ?
                where id = ?""")
                .params(secretDigest, hint, Timestamp.from(at), Timestamp.from(at), appId)
                .update();
    }

    @Override
    public void delete(String appId) {
        jdbc.sql("delete from oauth_apps where id = ?").param(appId).update();
    }

    @Override
    public Optional<App> find(String appId) {
        return jdbc.sql("select " + COLUMNS + " from oauth_apps where id = ?").param(appId).query((rs, n) -> app(rs)).optional();
    }

    @Override
    public Optional<App> findBySecretDigest(String secretDigest) {
        return jdbc.sql("select " + COLUMNS + " from oauth_apps where secret_digest = ?")
                .param(secretDigest)
                .query((rs, n) -> app(rs))
                .optional();
    }

    @Override
    public Optional<App> findByClientId(String clientId) {
        return jdbc.sql("select " + COLUMNS + " from oauth_apps where client_id = ?")
                .param(clientId)
                .query((rs, n) -> app(rs))
                .optional();
    }

    @Override
    public Optional<String> secretDigest(String clientId) {
        return jdbc.sql("select secret_digest from oauth_apps where client_id = ?").param(clientId).query(String.class).optional();
    }

    @Override
    public List<App> inWorkspace(String workspaceId) {
        return jdbc.sql("select " + COLUMNS + " from oauth_apps where workspace_id = ? order by created_at, id")
                .param(workspaceId)
                .query((rs, n) -> app(rs))
                .list();
    }

    private static App app(ResultSet rs) throws SQLException {
        return new App(rs.getString("id"), rs.getString("workspace_id"), rs.getString("client_id"), rs.getString("name"),
                rs.getString("description"), rs.getString("homepage"), split(rs.getString("redirect_uris"), "\n"),
                split(rs.getString("scopes"), " "), rs.getString("secret_hint"),
                rs.getTimestamp("secret_created_at").toInstant(), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    private static List<String> split(String value, String separator) {
        return value == null || value.isEmpty() ? List.of() : Arrays.asList(value.split(separator));
    }
}
