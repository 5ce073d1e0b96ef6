package dev.weft.sites;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcDomainRepository implements DomainRepository {

    private static final String COLUMNS = "id, site_id, name, created_at, last_published";

    private final JdbcClient jdbc;

    JdbcDomainRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<SiteDomain> ofSite(String siteId) {
        return jdbc.sql("select " + COLUMNS + " from site_domains where site_id = ? order by created_at, id")
                .param(siteId)
                .query((rs, n) -> domain(rs))
                .list();
    }

    @Override
    public boolean insert(SiteDomain d) {
        try {
            jdbc.sql("insert into site_domains (" + COLUMNS + ") values (?, ?, ?, ?, ?)")
                    .params(d.id(), d.siteId(), d.name(), Timestamp.from(d.createdOn()),
                            d.lastPublished() == null ? null : Timestamp.from(d.lastPublished()))
                    .update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public boolean delete(String siteId, String domainId) {
        return jdbc.sql("delete from site_domains where site_id = ? and id = ?").params(siteId, domainId).update() == 1;
    }

    @Override
    public void markPublished(Collection<String> domainIds, Instant at) {
        if (domainIds.isEmpty()) {
            return;
        }
        jdbc.sql("update site_domains set last_published = :at where id in (:ids)")
                .param("at", Timestamp.from(at))
                .param("ids", domainIds)
                .update();
    }

    private static SiteDomain domain(ResultSet rs) throws SQLException {
        Timestamp published = rs.getTimestamp("last_published");
        return new SiteDomain(rs.getString("id"), rs.getString("site_id"), rs.getString("name"),
                rs.getTimestamp("created_at").toInstant(), published == null ? null : published.toInstant());
    }
}
