package dev.weft.cms;

import dev.weft.sites.SiteCreated;
import dev.weft.sites.Template;
import dev.weft.system.Ids;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gives a new site the CMS collections its template comes with (Grit: Products with sample items),
 * in the transaction that creates the site.
 */
@Component
class TemplateContentSeeder {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    TemplateContentSeeder(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventListener
    void on(SiteCreated event) {
        Timestamp now = Timestamp.from(event.site().createdOn());
        for (Template.TemplateCollection collection : event.template().collections()) {
            String collectionId = Ids.objectId();
            jdbc.sql("""
                    insert into cms_collections (id, site_id, name, singular_name, slug, created_at, last_updated)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(collectionId, event.site().id(), collection.name(), collection.singularName(),
                            collection.slug(), now, now)
                    .update();
            int position = 0;
            insertField(collectionId, position++, "name", "Name", "PlainText", true, null, "{\"maxLength\":256}");
            insertField(collectionId, position++, "slug", "Slug", "PlainText", true,
                    "Unique in the collection, used in the item's URL", "{\"maxLength\":256}");
            for (Template.TemplateField field : collection.fields()) {
                insertField(collectionId, position++, field.slug(), field.name(), field.type(), field.required(),
                        field.helpText(), null);
            }
            for (Map<String, Object> item : collection.items()) {
                Map<String, Object> fieldData = new LinkedHashMap<>(item);
                jdbc.sql("""
                        insert into cms_items (id, collection_id, slug, field_data, is_draft, is_archived,
                                               created_at, updated_at, published_at)
                        values (?, ?, ?, ?, false, false, ?, ?, null)""")
                        .params(Ids.objectId(), collectionId, item.get("slug"), json.writeValueAsString(fieldData),
                                now, now)
                        .update();
            }
        }
    }

    private void insertField(String collectionId, int position, String slug, String name, String type,
            boolean required, String helpText, String validations) {
        jdbc.sql("""
                insert into cms_fields (id, collection_id, position, slug, name, type, required, editable,
                                        help_text, validations)
                values (?, ?, ?, ?, ?, ?, ?, true, ?, ?)""")
                .params(Ids.fieldId(), collectionId, position, slug, name, type, required, helpText, validations)
                .update();
    }
}
