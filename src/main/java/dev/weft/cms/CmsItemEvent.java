package dev.weft.cms;

import java.util.Map;

/**
 * Published, inside the transaction that made the change, when a CMS item was created, changed, deleted or
 * unpublished, so that webhooks of that trigger are queued atomically with the change.
 *
 * @param triggerType Webflow's trigger: {@code collection_item_created}, {@code collection_item_changed},
 *                    {@code collection_item_deleted} or {@code collection_item_unpublished}
 * @param v2Payload the webhook {@code payload} as API v2 sends it (the v2 item; for a deletion
 *                  {@code {id, siteId, workspaceId, collectionId}})
 * @param v1Payload the body as API v1 webhooks send it (the v1 item with {@code _id}, {@code _cid}, …; for a
 *                  deletion {@code {deleted: 1, itemId}})
 */
public record CmsItemEvent(String triggerType, String siteId, String workspaceId, String collectionId, String itemId,
        Map<String, Object> v2Payload, Map<String, Object> v1Payload) {

    public static final String CREATED = "collection_item_created";
    public static final String CHANGED = "collection_item_changed";
    public static final String DELETED = "collection_item_deleted";
    public static final String UNPUBLISHED = "collection_item_unpublished";
}
