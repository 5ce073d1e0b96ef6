package dev.weft.cms;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Read access to a site's CMS, as the dashboard shows it. The CMS API comes with issue 6. */
@Service
public class CmsService {

    /** A collection with its number of items. */
    public record CollectionSummary(String id, String name, String slug, int itemCount) {}

    private final JdbcClient jdbc;

    CmsService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<CollectionSummary> collections(String siteId) {
        return jdbc.sql("""
                select c.id, c.name, c.slug, (select count(*) from cms_items i where i.collection_id = c.id) as n
                from cms_collections c where c.site_id = ? order by c.created_at, c.id""")
                .param(siteId)
                .query((rs, i) -> new CollectionSummary(rs.getString("id"), rs.getString("name"),
                        rs.getString("slug"), rs.getInt("n")))
                .list();
    }
}
