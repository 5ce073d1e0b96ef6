package dev.weft.cms;

import dev.weft.sites.SitePublished;
import java.sql.Timestamp;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Publishes a site's CMS items along with the site, in the publishing transaction: every item that is neither
 * a draft nor archived gets {@code published_at} = the publish time.
 */
@Component
class SitePublishListener {

    private final JdbcClient jdbc;

    SitePublishListener(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(SitePublished event) {
        jdbc.sql("""
                update cms_items set published_at = ?
                where is_draft = false and is_archived = false
                  and collection_id in (select id from cms_collections where site_id = ?)""")
                .params(Timestamp.from(event.at()), event.siteId())
                .update();
    }
}
