package dev.weft.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.weft.cms.CmsCollection;
import dev.weft.cms.CmsField;
import dev.weft.system.WebflowDates;
import java.util.List;
import java.util.Map;

/** The CMS collections as Webflow's v1 and v2 show them (items are {@link dev.weft.cms.ItemViews}). */
final class CmsWire {

    private CmsWire() {}

    /** v1 {@code GET /sites/:site_id/collections} element. */
    record V1Collection(@JsonProperty("_id") String id, String lastUpdated, String createdOn, String name, String slug,
            String singularName) {
        static V1Collection of(CmsCollection c) {
            return new V1Collection(c.id(), WebflowDates.format(c.lastUpdated()), WebflowDates.format(c.createdOn()),
                    c.name(), c.slug(), c.singularName());
        }
    }

    /** v1 {@code GET /collections/:collection_id}. */
    record V1CollectionDetails(@JsonProperty("_id") String id, String lastUpdated, String createdOn, String name,
            String slug, String singularName, List<V1Field> fields) {
        static V1CollectionDetails of(CmsCollection c) {
            return new V1CollectionDetails(c.id(), WebflowDates.format(c.lastUpdated()),
                    WebflowDates.format(c.createdOn()), c.name(), c.slug(), c.singularName(),
                    c.fields().stream().map(V1Field::of).toList());
        }
    }

    record V1Field(String id, String type, String slug, String name, boolean required, boolean editable,
            String helpText, Map<String, Object> validations) {
        static V1Field of(CmsField f) {
            return new V1Field(f.id(), f.type().v1Name(), f.slug(), f.name(), f.required(), f.editable(), f.helpText(),
                    f.validations().isEmpty() ? null : f.validations());
        }
    }

    /** v2 {@code GET /sites/{site_id}/collections}. */
    record V2CollectionList(List<V2Collection> collections) {}

    record V2Collection(String id, String displayName, String singularName, String slug, String createdOn,
            String lastUpdated) {
        static V2Collection of(CmsCollection c) {
            return new V2Collection(c.id(), c.name(), c.singularName(), c.slug(), WebflowDates.format(c.createdOn()),
                    WebflowDates.format(c.lastUpdated()));
        }
    }

    /** v2 {@code GET /collections/{collection_id}}. */
    record V2CollectionDetails(String id, String displayName, String singularName, String slug, String createdOn,
            String lastUpdated, List<V2Field> fields) {
        static V2CollectionDetails of(CmsCollection c) {
            return new V2CollectionDetails(c.id(), c.name(), c.singularName(), c.slug(),
                    WebflowDates.format(c.createdOn()), WebflowDates.format(c.lastUpdated()),
                    c.fields().stream().map(V2Field::of).toList());
        }
    }

    record V2Field(String id, @JsonProperty("isRequired") boolean isRequired,
            @JsonProperty("isEditable") boolean isEditable, String type, String slug, String displayName,
            String helpText, Map<String, Object> validations) {
        static V2Field of(CmsField f) {
            return new V2Field(f.id(), f.required(), f.editable(), f.type().v2Name(), f.slug(), f.name(), f.helpText(),
                    f.validations().isEmpty() ? null : f.validations());
        }
    }

    /** v1 items list, and (with one element) v1 single item. */
    record V1ItemList(List<Map<String, Object>> items, int count, int limit, int offset, int total) {}

    /** v2 items list. */
    record V2ItemList(List<Map<String, Object>> items, Pagination pagination) {}

    record Pagination(int limit, int offset, int total) {}

    record V1Deleted(int deleted) {}

    record V1BulkDeleted(List<String> deletedItemIds, List<String> errors) {}

    record Published(List<String> publishedItemIds, List<String> errors) {}
}
