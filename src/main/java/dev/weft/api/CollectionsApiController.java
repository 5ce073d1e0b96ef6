package dev.weft.api;

import dev.weft.cms.CmsService;
import dev.weft.tokens.VerifiedToken;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The CMS collections, v1 and v2. */
@RestController
@Tag(name = "Collections")
class CollectionsApiController {

    private final ApiSites sites;
    private final CmsService cms;
    private final CmsApi api;

    CollectionsApiController(ApiSites sites, CmsService cms, CmsApi api) {
        this.sites = sites;
        this.cms = cms;
        this.api = api;
    }

    /** Webflow v1 {@code GET /sites/:site_id/collections}: a bare array. */
    @Operation(summary = "List Collections (v1)")
    @RequiredScope("cms:read")
    @GetMapping("/sites/{siteId}/collections")
    List<CmsWire.V1Collection> listV1(VerifiedToken token, @PathVariable String siteId) {
        var site = sites.get(token, siteId);
        return cms.siteCollections(site.id()).stream().map(CmsWire.V1Collection::of).toList();
    }

    /** Webflow v1 {@code GET /collections/:collection_id}, with its fields. */
    @Operation(summary = "Get Collection (v1)")
    @RequiredScope("cms:read")
    @GetMapping("/collections/{collectionId}")
    CmsWire.V1CollectionDetails getV1(VerifiedToken token, @PathVariable String collectionId) {
        return CmsWire.V1CollectionDetails.of(api.collection(token, collectionId));
    }

    /** Webflow v2 {@code GET /sites/{site_id}/collections}: {@code {collections: […]}}. */
    @Operation(summary = "List Collections")
    @RequiredScope("cms:read")
    @GetMapping("/v2/sites/{siteId}/collections")
    CmsWire.V2CollectionList listV2(VerifiedToken token, @PathVariable String siteId) {
        var site = sites.get(token, siteId);
        return new CmsWire.V2CollectionList(
                cms.siteCollections(site.id()).stream().map(CmsWire.V2Collection::of).toList());
    }

    /** Webflow v2 {@code GET /collections/{collection_id}}, with its fields. */
    @Operation(summary = "Get Collection Details")
    @RequiredScope("cms:read")
    @GetMapping("/v2/collections/{collectionId}")
    CmsWire.V2CollectionDetails getV2(VerifiedToken token, @PathVariable String collectionId) {
        return CmsWire.V2CollectionDetails.of(api.collection(token, collectionId));
    }
}
