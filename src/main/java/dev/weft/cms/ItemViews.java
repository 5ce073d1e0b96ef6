package dev.weft.cms;

import dev.weft.system.WebflowDates;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An item as Webflow's APIs show it: the one place both shapes are made, for the HTTP answers and for the
 * payloads of {@link CmsItemEvent}.
 */
public final class ItemViews {

    private ItemViews() {}

    /**
     * The v2 item {@code {id, cmsLocaleId, lastPublished, lastUpdated, createdOn, isArchived, isDraft, fieldData}};
     * {@code live} shows the published snapshot as its field data.
     */
    public static Map<String, Object> v2(CmsItem item, boolean live) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", item.id());
        out.put("cmsLocaleId", CmsLocale.primary(item.siteId()));
        out.put("lastPublished", WebflowDates.format(item.publishedOn()));
        out.put("lastUpdated", WebflowDates.format(item.updatedOn()));
        out.put("createdOn", WebflowDates.format(item.createdOn()));
        out.put("isArchived", item.archived());
        out.put("isDraft", item.draft());
        out.put("fieldData", live && item.live() ? item.publishedFieldData() : item.fieldData());
        return out;
    }

    /** The flat v1 item: {@code _archived, _draft, _id, _cid, name, slug, created-on, …} and the custom fields. */
    public static Map<String, Object> v1(CmsItem item) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("_archived", item.archived());
        out.put("_draft", item.draft());
        out.put("_id", item.id());
        out.put("_cid", item.collectionId());
        out.put("name", item.fieldData().get("name"));
        out.put("slug", item.fieldData().get("slug"));
        item.fieldData().forEach((k, v) -> {
            if (!k.equals("name") && !k.equals("slug")) {
                out.put(k, v);
            }
        });
        out.put("created-on", WebflowDates.format(item.createdOn()));
        out.put("updated-on", WebflowDates.format(item.updatedOn()));
        out.put("created-by", person(item.createdBy()));
        out.put("updated-by", person(item.updatedBy()));
        out.put("published-on", WebflowDates.format(item.publishedOn()));
        out.put("published-by", person(item.publishedBy()));
        return out;
    }

    private static String person(String userId) {
        return userId == null ? null : "Person_" + userId;
    }
}
