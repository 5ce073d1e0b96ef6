package dev.weft.api;

import java.util.List;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import dev.weft.tokens.VerifiedToken;

/** The Sites API, v1 and v2: two views of the same sites. */
@RestController
@Tag(name = "Sites")
class SitesApiController {

    private final ApiSites sites;
    private final PublicUrls urls;

    SitesApiController(ApiSites sites, PublicUrls urls) {
        this.sites = sites;
        this.urls = urls;
    }

    /** Webflow v1 {@code GET /sites}: a bare array. */
    @Operation(summary = "List Sites (v1)")
    @RequiredScope("sites:read")
    @GetMapping("/sites")
    List<V1Wire.V1Site> listV1(VerifiedToken token) {
        return sites.visible(token).stream().map(s -> V1Wire.V1Site.of(s, urls.preview(s.id()))).toList();
    }

    /** Webflow v1 {@code GET /sites/:site_id}. */
    @Operation(summary = "Get Site (v1)")
    @RequiredScope("sites:read")
    @GetMapping("/sites/{siteId}")
    V1Wire.V1Site getV1(VerifiedToken token, @PathVariable String siteId) {
        var site = sites.get(token, siteId);
        return V1Wire.V1Site.of(site, urls.preview(site.id()));
    }

    /** Webflow v2 {@code GET /sites}: {@code {"sites":[…]}}. */
    @Operation(summary = "List Sites")
    @RequiredScope("sites:read")
    @GetMapping("/v2/sites")
    V2Wire.V2SiteList listV2(VerifiedToken token) {
        return new V2Wire.V2SiteList(
                sites.visible(token).stream().map(s -> V2Wire.V2Site.of(s, urls.preview(s.id()))).toList());
    }

    /** Webflow v2 {@code GET /sites/{site_id}}. */
    @Operation(summary = "Get Site")
    @RequiredScope("sites:read")
    @GetMapping("/v2/sites/{siteId}")
    V2Wire.V2Site getV2(VerifiedToken token, @PathVariable String siteId) {
        var site = sites.get(token, siteId);
        return V2Wire.V2Site.of(site, urls.preview(site.id()));
    }
}
