package dev.weft.sites;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcSiteRepository implements SiteRepository {

    private static final String COLUMNS = """
            id, workspace_id, name, short_name, time_zone, template, database_id,
            created_at, last_updated, last_published, rate_limit""";

    private final JdbcClient jdbc;

    JdbcSiteRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean insert(Site site) {
        try {
            jdbc.sql("insert into sites (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(site.id(), site.workspaceId(), site.name(), site.shortName(), site.timeZone(),
                            site.template(), site.databaseId(), Timestamp.from(site.createdOn()),
                            Timestamp.from(site.lastUpdated()),
                            site.lastPublished() == null ? null : Timestamp.from(site.lastPublished()),
                            site.rateLimit())
                    .update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public Optional<Site> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from sites where id = ?").param(id).query((rs, n) -> site(rs)).optional();
    }

    @Override
    public Optional<Site> lock(String id) {
        return jdbc.sql("select " + COLUMNS + " from sites where id = ? for update")
                .param(id)
                .query((rs, n) -> site(rs))
                .optional();
    }

    @Override
    public List<Site> inWorkspace(String workspaceId) {
        return jdbc.sql("select " + COLUMNS + " from sites where workspace_id = ? order by created_at, id")
                .param(workspaceId)
                .query((rs, n) -> site(rs))
                .list();
    }

    @Override
    public List<Site> byIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from sites where id in (:ids) order by created_at, id")
                .param("ids", ids)
                .query((rs, n) -> site(rs))
                .list();
    }

    @Override
    public void updateLastPublished(String id, Instant at) {
        jdbc.sql("update sites set last_published = ?, last_updated = ? where id = ?")
                .params(Timestamp.from(at), Timestamp.from(at), id)
                .update();
    }

    @Override
    public void updateRateLimit(String id, Integer rateLimit, Instant at) {
        jdbc.sql("update sites set rate_limit = ?, last_updated = ? where id = ?")
                .params(rateLimit, Timestamp.from(at), id)
                .update();
    }

    @Override
    public boolean shortNameTaken(String shortName) {
        return jdbc.sql("select count(*) from sites where short_name = ?").param(shortName).query(Integer.class).single() > 0;
    }

    private static Site site(ResultSet rs) throws SQLException {
        Timestamp published = rs.getTimestamp("last_published");
        return new Site(rs.getString("id"), rs.getString("workspace_id"), rs.getString("name"),
                rs.getString("short_name"), rs.getString("time_zone"), rs.getString("template"),
                rs.getString("database_id"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("last_updated").toInstant(), published == null ? null : published.toInstant(),
                rs.getObject("rate_limit") == null ? null : rs.getInt("rate_limit"));
    }
}
