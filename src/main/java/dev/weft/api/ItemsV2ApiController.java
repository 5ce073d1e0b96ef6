package dev.weft.api;

import dev.weft.cms.CmsItems;
import dev.weft.cms.ItemViews;
import dev.weft.tokens.VerifiedToken;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * CMS items, API v2: staged items under {@code /items}, the published version under {@code /items/live}.
 * Create 202, update 200, delete 204, publish 202.
 */
@RestController
@Tag(name = "Items")
class ItemsV2ApiController {

    private final CmsApi api;
    private final CmsItems items;

    ItemsV2ApiController(CmsApi api, CmsItems items) {
        this.api = api;
        this.items = items;
    }

    /** Webflow v2 {@code GET /collections/{collection_id}/items}, with filters, sort and page. */
    @Operation(summary = "List Collection Items")
    @RequiredScope("cms:read")
    @GetMapping("/v2/collections/{collectionId}/items")
    CmsWire.V2ItemList list(VerifiedToken token, @PathVariable String collectionId, HttpServletRequest request) {
        return list(token, collectionId, request, false);
    }

    /** Webflow v2 {@code GET /collections/{collection_id}/items/live}: the published items, as published. */
    @Operation(summary = "List Live Collection Items")
    @RequiredScope("cms:read")
    @GetMapping("/v2/collections/{collectionId}/items/live")
    CmsWire.V2ItemList listLive(VerifiedToken token, @PathVariable String collectionId, HttpServletRequest request) {
        return list(token, collectionId, request, true);
    }

    /** Webflow v2 {@code GET /collections/{collection_id}/items/{item_id}}: a bare item. */
    @Operation(summary = "Get Collection Item")
    @RequiredScope("cms:read")
    @GetMapping("/v2/collections/{collectionId}/items/{itemId}")
    Map<String, Object> get(VerifiedToken token, @PathVariable String collectionId, @PathVariable String itemId) {
        return ItemViews.v2(items.get(api.collection(token, collectionId), itemId, false), false);
    }

    /** Webflow v2 {@code GET /collections/{collection_id}/items/{item_id}/live}: 404 unless published. */
    @Operation(summary = "Get Live Collection Item")
    @RequiredScope("cms:read")
    @GetMapping("/v2/collections/{collectionId}/items/{itemId}/live")
    Map<String, Object> getLive(VerifiedToken token, @PathVariable String collectionId, @PathVariable String itemId) {
        return ItemViews.v2(items.get(api.collection(token, collectionId), itemId, true), true);
    }

    /** Webflow v2 {@code POST /collections/{collection_id}/items}: 202, a draft unless {@code isDraft:false}. */
    @Operation(summary = "Create Collection Item")
    @RequiredScope("cms:write")
    @PostMapping("/v2/collections/{collectionId}/items")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Object> create(VerifiedToken token, @PathVariable String collectionId,
            HttpServletRequest request) {
        var collection = api.collection(token, collectionId);
        return ItemViews.v2(items.create(collection, token.userId(), CmsApi.v2Input(api.body(request), true), true, false), false);
    }

    /** Webflow v2 {@code POST /collections/{collection_id}/items/live}: creates and publishes, 202. */
    @Operation(summary = "Create Live Collection Item")
    @RequiredScope("cms:write")
    @PostMapping("/v2/collections/{collectionId}/items/live")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Object> createLive(VerifiedToken token, @PathVariable String collectionId,
            HttpServletRequest request) {
        var collection = api.collection(token, collectionId);
        return ItemViews.v2(items.create(collection, token.userId(), CmsApi.v2Input(api.body(request), true), false, true), true);
    }

    /** Webflow v2 {@code PATCH /collections/{collection_id}/items/{item_id}}: changes the staged item. */
    @Operation(summary = "Update Collection Item")
    @RequiredScope("cms:write")
    @PatchMapping("/v2/collections/{collectionId}/items/{itemId}")
    Map<String, Object> update(VerifiedToken token, @PathVariable String collectionId, @PathVariable String itemId,
            HttpServletRequest request) {
        var collection = api.collection(token, collectionId);
        items.get(collection, itemId, false);
        return ItemViews.v2(items.update(collection, itemId, token.userId(), CmsApi.v2Input(api.body(request), false), true,
                false, false), false);
    }

    /** Webflow v2 {@code PATCH …/items/{item_id}/live}: changes and publishes; 409 if never published. */
    @Operation(summary = "Update Live Collection Item")
    @RequiredScope("cms:write")
    @PatchMapping("/v2/collections/{collectionId}/items/{itemId}/live")
    Map<String, Object> updateLive(VerifiedToken token, @PathVariable String collectionId, @PathVariable String itemId,
            HttpServletRequest request) {
        var collection = api.collection(token, collectionId);
        items.get(collection, itemId, false);
        return ItemViews.v2(items.update(collection, itemId, token.userId(), CmsApi.v2Input(api.body(request), false), true,
                true, true), true);
    }

    /** Webflow v2 {@code DELETE /collections/{collection_id}/items/{item_id}}: 204. */
    @Operation(summary = "Delete Collection Item")
    @RequiredScope("cms:write")
    @DeleteMapping("/v2/collections/{collectionId}/items/{itemId}")
    ResponseEntity<Void> delete(VerifiedToken token, @PathVariable String collectionId, @PathVariable String itemId) {
        var collection = api.collection(token, collectionId);
        items.get(collection, itemId, false);
        items.delete(collection, itemId);
        return ResponseEntity.noContent().build();
    }

    /** Webflow v2 {@code DELETE …/items/{item_id}/live}: unpublishes (the staged item stays, as a draft), 204. */
    @Operation(summary = "Unpublish Live Collection Item")
    @RequiredScope("cms:write")
    @DeleteMapping("/v2/collections/{collectionId}/items/{itemId}/live")
    ResponseEntity<Void> unpublish(VerifiedToken token, @PathVariable String collectionId, @PathVariable String itemId) {
        var collection = api.collection(token, collectionId);
        items.get(collection, itemId, true);
        items.unpublish(collection, itemId, token.userId());
        return ResponseEntity.noContent().build();
    }

    /** Webflow v2 {@code POST /collections/{collection_id}/items/publish}, body {@code {itemIds}}: 202. */
    @Operation(summary = "Publish Collection Items")
    @RequiredScope("cms:write")
    @PostMapping("/v2/collections/{collectionId}/items/publish")
    @ResponseStatus(HttpStatus.ACCEPTED)
    CmsWire.Published publish(VerifiedToken token, @PathVariable String collectionId,
            HttpServletRequest request) {
        var collection = api.collection(token, collectionId);
        var result = items.publish(collection, CmsApi.itemIds(api.body(request)), token.userId());
        return new CmsWire.Published(result.done(), result.errors());
    }

    private CmsWire.V2ItemList list(VerifiedToken token, String collectionId, HttpServletRequest request, boolean live) {
        var collection = api.collection(token, collectionId);
        var query = CmsApi.v2Query(request);
        var result = items.list(collection, query, live);
        return new CmsWire.V2ItemList(result.items().stream().map(i -> ItemViews.v2(i, live)).toList(),
                new CmsWire.Pagination(query.limit(), query.offset(), result.total()));
    }
}
