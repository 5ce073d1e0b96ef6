package dev.weft.cms;

import dev.weft.system.Ids;
import dev.weft.system.WebflowDates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A site's CMS collections and their fields: for the dashboard and the CMS API. Items: {@link CmsItems}. */
@Service
public class CmsService {

    /** A custom field of a new collection ({@code name} and {@code slug} come with every collection). */
    public record NewField(String name, String slug, FieldType type, boolean required, String helpText,
            Map<String, Object> validations) {}

    /** A collection with its number of items. */
    public record CollectionSummary(String id, String name, String slug, int itemCount) {}

    private final JdbcClient jdbc;
    private final CmsRepository repository;

    CmsService(JdbcClient jdbc, CmsRepository repository) {
        this.jdbc = jdbc;
        this.repository = repository;
    }

    /** The site's collections with their fields, oldest first. */
    public List<CmsCollection> siteCollections(String siteId) {
        return repository.collections(siteId);
    }

    public Optional<CmsCollection> collection(String collectionId) {
        return Ids.isObjectId(collectionId) ? repository.collection(collectionId) : Optional.empty();
    }

    /** Makes a collection with the {@code name} and {@code slug} fields and these custom fields. */
    @Transactional
    public CmsCollection createCollection(String siteId, String name, String singularName, String slug,
            List<NewField> custom) {
        List<CmsField> fields = new ArrayList<>();
        fields.add(new CmsField(Ids.fieldId(), "name", "Name", FieldType.PLAIN_TEXT, true, true, null,
                Map.of("maxLength", 256)));
        fields.add(new CmsField(Ids.fieldId(), "slug", "Slug", FieldType.PLAIN_TEXT, true, true,
                "Unique in the collection, used in the item's URL", Map.of("maxLength", 256)));
        for (NewField f : custom) {
            fields.add(new CmsField(Ids.fieldId(), f.slug(), f.name(), f.type(), f.required(), true, f.helpText(),
                    f.validations()));
        }
        Instant now = WebflowDates.now();
        CmsCollection collection = new CmsCollection(Ids.objectId(), siteId, name, singularName, slug, now, now, fields);
        repository.insertCollection(collection);
        return collection;
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
