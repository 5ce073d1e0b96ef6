package dev.weft.cms;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class JdbcCmsRepository implements CmsRepository {

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

    private static final String COLLECTION_COLUMNS = "id, site_id, name, singular_name, slug, created_at, last_updated";

    private static final String ITEM_SELECT = """
            select i.id, i.collection_id, c.site_id, i.field_data, i.is_draft, i.is_archived, i.created_at,
                   i.updated_at, i.published_at, i.published_field_data, i.created_by, i.updated_by, i.published_by
            from cms_items i join cms_collections c on c.id = i.collection_id""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JdbcCmsRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public List<CmsCollection> collections(String siteId) {
        List<CmsCollection> bare = jdbc.sql("select " + COLLECTION_COLUMNS
                        + " from cms_collections where site_id = ? order by created_at, id")
                .param(siteId).query((rs, n) -> collection(rs, List.of())).list();
        return bare.stream().map(c -> withFields(c)).toList();
    }

    @Override
    public Optional<CmsCollection> collection(String collectionId) {
        return jdbc.sql("select " + COLLECTION_COLUMNS + " from cms_collections where id = ?")
                .param(collectionId).query((rs, n) -> collection(rs, List.of())).optional().map(this::withFields);
    }

    @Override
    public void insertCollection(CmsCollection c) {
        jdbc.sql("insert into cms_collections (" + COLLECTION_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?)")
                .params(c.id(), c.siteId(), c.name(), c.singularName(), c.slug(), Timestamp.from(c.createdOn()),
                        Timestamp.from(c.lastUpdated()))
                .update();
        int position = 0;
        for (CmsField f : c.fields()) {
            jdbc.sql("""
                    insert into cms_fields (id, collection_id, position, slug, name, type, required, editable,
                                            help_text, validations)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(f.id(), c.id(), position++, f.slug(), f.name(), f.type().v2Name(), f.required(),
                            f.editable(), f.helpText(), f.validations().isEmpty() ? null : json.writeValueAsString(f.validations()))
                    .update();
        }
    }

    @Override
    public List<CmsItem> items(String collectionId) {
        return jdbc.sql(ITEM_SELECT + " where i.collection_id = ? order by i.created_at, i.id")
                .param(collectionId).query((rs, n) -> item(rs)).list();
    }

    @Override
    public Optional<CmsItem> item(String collectionId, String itemId) {
        return jdbc.sql(ITEM_SELECT + " where i.collection_id = ? and i.id = ?")
                .params(collectionId, itemId).query((rs, n) -> item(rs)).optional();
    }

    @Override
    public Optional<CmsItem> lockItem(String collectionId, String itemId) {
        jdbc.sql("select id from cms_items where collection_id = ? and id = ? for update")
                .params(collectionId, itemId).query(String.class).optional();
        return item(collectionId, itemId);
    }

    @Override
    public boolean slugTaken(String collectionId, String slug, String exceptItemId) {
        return jdbc.sql("select count(*) from cms_items where collection_id = ? and slug = ? and id <> ?")
                .params(collectionId, slug, exceptItemId == null ? "" : exceptItemId)
                .query(Integer.class).single() > 0;
    }

    @Override
    public List<String> existingItemIds(String collectionId, List<String> itemIds) {
        if (itemIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id from cms_items where collection_id = :c and id in (:ids)")
                .param("c", collectionId).param("ids", itemIds).query(String.class).list();
    }

    @Override
    public boolean insertItem(CmsItem i) {
        try {
            jdbc.sql("""
                    insert into cms_items (id, collection_id, slug, field_data, is_draft, is_archived, created_at,
                                           updated_at, published_at, published_field_data, created_by, updated_by,
                                           published_by)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(i.id(), i.collectionId(), i.slug(), json.writeValueAsString(i.fieldData()), i.draft(),
                            i.archived(), Timestamp.from(i.createdOn()), Timestamp.from(i.updatedOn()),
                            ts(i.publishedOn()), jsonOrNull(i.publishedFieldData()), i.createdBy(), i.updatedBy(),
                            i.publishedBy())
                    .update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public boolean updateItem(CmsItem i) {
        try {
            jdbc.sql("""
                    update cms_items set slug = ?, field_data = ?, is_draft = ?, is_archived = ?, updated_at = ?,
                           published_at = ?, published_field_data = ?, updated_by = ?, published_by = ?
                    where id = ?""")
                    .params(i.slug(), json.writeValueAsString(i.fieldData()), i.draft(), i.archived(),
                            Timestamp.from(i.updatedOn()), ts(i.publishedOn()), jsonOrNull(i.publishedFieldData()),
                            i.updatedBy(), i.publishedBy(), i.id())
                    .update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public void deleteItem(String itemId) {
        jdbc.sql("delete from cms_items where id = ?").param(itemId).update();
    }

    @Override
    public int publishSite(String siteId, Instant at) {
        return jdbc.sql("""
                update cms_items set published_field_data = field_data, published_at = ?
                where is_draft = false and is_archived = false
                  and collection_id in (select id from cms_collections where site_id = ?)""")
                .params(Timestamp.from(at), siteId).update();
    }

    private CmsCollection withFields(CmsCollection c) {
        List<CmsField> fields = jdbc.sql("""
                        select id, slug, name, type, required, editable, help_text, validations
                        from cms_fields where collection_id = ? order by position""")
                .param(c.id())
                .query((rs, n) -> new CmsField(rs.getString("id"), rs.getString("slug"), rs.getString("name"),
                        FieldType.of(rs.getString("type")).orElse(FieldType.PLAIN_TEXT), rs.getBoolean("required"),
                        rs.getBoolean("editable"), rs.getString("help_text"), map(rs.getString("validations"))))
                .list();
        return new CmsCollection(c.id(), c.siteId(), c.name(), c.singularName(), c.slug(), c.createdOn(),
                c.lastUpdated(), fields);
    }

    private static CmsCollection collection(ResultSet rs, List<CmsField> fields) throws SQLException {
        return new CmsCollection(rs.getString("id"), rs.getString("site_id"), rs.getString("name"),
                rs.getString("singular_name"), rs.getString("slug"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("last_updated").toInstant(), fields);
    }

    private CmsItem item(ResultSet rs) throws SQLException {
        Timestamp published = rs.getTimestamp("published_at");
        return new CmsItem(rs.getString("id"), rs.getString("collection_id"), rs.getString("site_id"),
                map(rs.getString("field_data")), rs.getBoolean("is_draft"), rs.getBoolean("is_archived"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                published == null ? null : published.toInstant(),
                rs.getString("published_field_data") == null ? null : map(rs.getString("published_field_data")),
                rs.getString("created_by"), rs.getString("updated_by"), rs.getString("published_by"));
    }

    private Map<String, Object> map(String text) {
        return text == null ? Map.of() : json.readValue(text, MAP);
    }

    private String jsonOrNull(Map<String, Object> value) {
        return value == null ? null : json.writeValueAsString(value);
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
