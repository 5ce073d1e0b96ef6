package dev.weft.api;

import dev.weft.cms.CmsItems;
import dev.weft.cms.ItemQuery;
import dev.weft.cms.ItemViews;
import dev.weft.tokens.VerifiedToken;
import jakarta.servlet.http.HttpServletRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** CMS items, API v1: flat items, {@code {fields}} bodies, {@code ?live=true} to publish at once; 200 everywhere. */
@RestController
@Tag(name = "Items (v1)")
class ItemsV1ApiController {

    private final CmsApi api;
    private final CmsItems items;

    ItemsV1ApiController(CmsApi api, CmsItems items) {
        this.api = api;
        this.items = items;
    }

    /** Webflow v1 {@code GET /collections/:collection_id/items?offset&limit}. */
    @Operation(summary = "List Items (v1)")
    @RequiredScope("cms:read")
    @GetMapping("/collections/{collectionId}/items")
    CmsWire.V1ItemList list(VerifiedToken token, @PathVariable String collectionId,
            @RequestParam(required = false) String offset, @RequestParam(required = false) String limit) {
        var collection = api.collection(token, collectionId);
        int[] page = CmsApi.page(offset, limit);
        var result = items.list(collection, ItemQuery.page(page[0], page[1]), false);
        return new CmsWire.V1ItemList(result.items().stream().map(ItemViews::v1).toList(), result.items().size(),
                page[1], page[0], result.total());
    }

    /** Webflow v1 {@code GET /collections/:collection_id/items/:item_id}: the list envelope with one item. */
    @Operation(summary = "Get Item (v1)")
    @RequiredScope("cms:read")
    @GetMapping("/collections/{collectionId}/items/{itemId}")
    CmsWire.V1ItemList get(VerifiedToken token, @PathVariable String collectionId, @PathVariable String itemId) {
        var item = items.get(api.collection(token, collectionId), itemId, false);
        return new CmsWire.V1ItemList(List.of(ItemViews.v1(item)), 1, 1, 0, 1);
    }

    /** Webflow v1 {@code POST /collections/:collection_id/items[?live=true]}, body {@code {fields}}. */
    @Operation(summary = "Create Item (v1)")
    @RequiredScope("cms:write")
    @PostMapping("/collections/{collectionId}/items")
    Map<String, Object> create(VerifiedToken token, @PathVariable String collectionId,
            @RequestParam(required = false) String live, HttpServletRequest request) {
        var collection = api.collection(token, collectionId);
        return ItemViews.v1(items.create(collection, token.userId(), CmsApi.v1Input(api.body(request)), false, isLive(live)));
    }

    /** Webflow v1 {@code PUT /collections/:collection_id/items/:item_id[?live=true]}: replaces every field. */
    @Operation(summary = "Update Item (v1)")
    @RequiredScope("cms:write")
    @PutMapping("/collections/{collectionId}/items/{itemId}")
    Map<String, Object> replace(VerifiedToken token, @PathVariable String collectionId, @PathVariable String itemId,
            @RequestParam(required = false) String live, HttpServletRequest request) {
        var collection = api.collection(token, collectionId);
        items.get(collection, itemId, false);
        return ItemViews.v1(items.update(collection, itemId, token.userId(), CmsApi.v1Input(api.body(request)), false, isLive(live), false));
    }

    /** Webflow v1 {@code PATCH /collections/:collection_id/items/:item_id[?live=true]}: changes the fields sent. */
    @Operation(summary = "Patch Item (v1)")
    @RequiredScope("cms:write")
    @PatchMapping("/collections/{collectionId}/items/{itemId}")
    Map<String, Object> patch(VerifiedToken token, @PathVariable String collectionId, @PathVariable String itemId,
            @RequestParam(required = false) String live, HttpServletRequest request) {
        var collection = api.collection(token, collectionId);
        items.get(collection, itemId, false);
        return ItemViews.v1(items.update(collection, itemId, token.userId(), CmsApi.v1Input(api.body(request)), true, isLive(live), false));
    }

    /** Webflow v1 {@code DELETE /collections/:collection_id/items/:item_id[?live=true]}; live only unpublishes. */
    @Operation(summary = "Remove Item (v1)")
    @RequiredScope("cms:write")
    @DeleteMapping("/collections/{collectionId}/items/{itemId}")
    CmsWire.V1Deleted delete(VerifiedToken token, @PathVariable String collectionId, @PathVariable String itemId,
            @RequestParam(required = false) String live) {
        var collection = api.collection(token, collectionId);
        items.get(collection, itemId, false);
        if (isLive(live)) {
            items.unpublish(collection, itemId, token.userId());
        } else {
            items.delete(collection, itemId);
        }
        return new CmsWire.V1Deleted(1);
    }

    /** Webflow v1 bulk {@code DELETE /collections/:collection_id/items}, body {@code {itemIds}}. */
    @Operation(summary = "Remove Items (v1)")
    @RequiredScope("cms:write")
    @DeleteMapping("/collections/{collectionId}/items")
    CmsWire.V1BulkDeleted deleteAll(VerifiedToken token, @PathVariable String collectionId,
            HttpServletRequest request) {
        var collection = api.collection(token, collectionId);
        var result = items.deleteAll(collection, CmsApi.itemIds(api.body(request)));
        return new CmsWire.V1BulkDeleted(result.done(), result.errors());
    }

    /** Webflow v1 {@code PUT /collections/:collection_id/items/publish}, body {@code {itemIds}}. */
    @Operation(summary = "Publish Items (v1)")
    @RequiredScope("cms:write")
    @PutMapping("/collections/{collectionId}/items/publish")
    CmsWire.Published publish(VerifiedToken token, @PathVariable String collectionId,
            HttpServletRequest request) {
        var collection = api.collection(token, collectionId);
        var result = items.publish(collection, CmsApi.itemIds(api.body(request)), token.userId());
        return new CmsWire.Published(result.done(), result.errors());
    }

    private static boolean isLive(String live) {
        return "true".equalsIgnoreCase(live);
    }
}
