package dev.weft.webhooks;

import java.util.List;

/** Webflow's webhook trigger types, as each API version accepts them. */
public final class TriggerTypes {

    public static final String SITE_PUBLISH = "site_publish";

    /** v2 (the OpenAPI document's enum). */
    public static final List<String> V2 = List.of("form_submission", "site_publish", "page_created",
            "page_metadata_updated", "page_deleted", "ecomm_new_order", "ecomm_order_changed", "ecomm_inventory_changed",
            "collection_item_created", "collection_item_changed", "collection_item_deleted", "collection_item_published",
            "collection_item_unpublished", "comment_created");

    /** v1 (the v1 SDK's list). */
    public static final List<String> V1 = List.of("form_submission", "site_publish", "ecomm_new_order",
            "ecomm_order_changed", "ecomm_inventory_changed", "memberships_user_account_added",
            "memberships_user_account_updated", "memberships_user_account_deleted", "collection_item_created",
            "collection_item_changed", "collection_item_deleted", "collection_item_unpublished", "comment_created");

    private TriggerTypes() {}
}
