package dev.weft.cms;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * An item of a collection: its staged field data (what the API edits) and, once published, the snapshot that is
 * live until the next publish.
 *
 * @param fieldData the staged values by field slug, {@code name} and {@code slug} included
 * @param publishedFieldData the live values, or null when the item is not live
 * @param createdBy user id, or null when the item came with the site's template (so for the others)
 */
public record CmsItem(String id, String collectionId, String siteId, Map<String, Object> fieldData, boolean draft,
        boolean archived, Instant createdOn, Instant updatedOn, Instant publishedOn,
        Map<String, Object> publishedFieldData, String createdBy, String updatedBy, String publishedBy) {
    public CmsItem {
        Objects.requireNonNull(id, "id cannot be null");
        Objects.requireNonNull(collectionId, "collectionId cannot be null");
        Objects.requireNonNull(fieldData, "fieldData cannot be null");
    }

    public String slug() {
        return (String) fieldData.get("slug");
    }

    public String name() {
        return (String) fieldData.get("name");
    }

    public boolean live() {
        return publishedFieldData != null;
    }
}
