package dev.weft.api;

import dev.weft.sites.PublishException;
import dev.weft.sites.SiteDomain;
import dev.weft.sites.SitePublishing;
import dev.weft.system.WebflowDates;
import dev.weft.tokens.VerifiedToken;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Objects;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Custom domains and publishing, v1 and v2. */
@RestController
@Tag(name = "Sites")
class PublishingApiController {

    private final ApiSites sites;
    private final SitePublishing publishing;

    PublishingApiController(ApiSites sites, SitePublishing publishing) {
        this.sites = sites;
        this.publishing = publishing;
    }

    record V1Domain(@JsonProperty("_id") String id, String name) {}

    record V2Domain(String id, String url, String lastPublished) {
        static V2Domain of(SiteDomain d) {
            return new V2Domain(d.id(), d.name(), WebflowDates.format(d.lastPublished()));
        }
    }

    record V2Domains(List<V2Domain> customDomains) {}

    record V1PublishRequest(List<String> domains) {}

    record V1Queued(boolean queued) {}

    record V2PublishRequest(List<String> customDomains, Boolean publishToWebflowSubdomain, String pageId) {}

    record V2Published(List<V2Domain> customDomains, boolean publishToWebflowSubdomain, String publishScope) {}

    /** Webflow v1 {@code GET /sites/:site_id/domains}: a bare array of {@code {_id, name}}. */
    @Operation(summary = "List Domains (v1)")
    @RequiredScope("sites:read")
    @GetMapping("/sites/{siteId}/domains")
    List<V1Domain> domainsV1(VerifiedToken token, @PathVariable String siteId) {
        var site = sites.get(token, siteId);
        return publishing.domains(site.id()).stream().map(d -> new V1Domain(d.id(), d.name())).toList();
    }

    /** Webflow v2 {@code GET /sites/{site_id}/custom_domains}. */
    @Operation(summary = "Get Custom Domains")
    @RequiredScope("sites:read")
    @GetMapping("/v2/sites/{siteId}/custom_domains")
    V2Domains domainsV2(VerifiedToken token, @PathVariable String siteId) {
        var site = sites.get(token, siteId);
        return new V2Domains(publishing.domains(site.id()).stream().map(V2Domain::of).toList());
    }

    /** Webflow v1 {@code POST /sites/:site_id/publish} with {@code {domains:[host names]}} → {@code {queued:true}}. */
    @Operation(summary = "Publish Site (v1)")
    @RequiredScope("sites:write")
    @PostMapping("/sites/{siteId}/publish")
    V1Queued publishV1(VerifiedToken token, @PathVariable String siteId,
            @RequestBody(required = false) V1PublishRequest body) {
        var site = sites.get(token, siteId);
        if (body == null || body.domains() == null) {
            throw ApiException.validation("'domains' is required: the host names to publish to",
                    List.of(new ApiException.Detail("domains", "required")));
        }
        try {
            publishing.publishToHosts(site.id(), body.domains().stream().filter(Objects::nonNull).toList(), null);
        } catch (PublishException e) {
            throw refused(e, "domains");
        }
        return new V1Queued(true);
    }

    /**
     * Webflow v2 {@code POST /sites/{site_id}/publish} → 202. One successful publish a minute per site, else 429
     * {@code too_many_requests} with {@code Retry-After}.
     */
    @Operation(summary = "Publish Site")
    @RequiredScope("sites:write")
    @PostMapping("/v2/sites/{siteId}/publish")
    @ResponseStatus(HttpStatus.ACCEPTED)
    V2Published publishV2(VerifiedToken token, @PathVariable String siteId,
            @RequestBody(required = false) V2PublishRequest body) {
        var site = sites.get(token, siteId);
        V2PublishRequest request = body == null ? new V2PublishRequest(null, null, null) : body;
        if (request.pageId() != null) {
            throw ApiException.validation("Publishing a single page is not supported: publish the whole site",
                    List.of(new ApiException.Detail("pageId", "not supported")));
        }
        List<String> ids = request.customDomains() == null ? List.of()
                : request.customDomains().stream().filter(Objects::nonNull).toList();
        boolean toSubdomain = Boolean.TRUE.equals(request.publishToWebflowSubdomain());
        try {
            var done = publishing.publish(site.id(), ids, toSubdomain, null);
            return new V2Published(done.domains().stream().map(V2Domain::of).toList(), done.toSubdomain(), "site");
        } catch (PublishException e) {
            throw refused(e, "customDomains");
        }
    }

    private static ApiException refused(PublishException e, String param) {
        return switch (e.kind()) {
            case TOO_SOON -> ApiException.tooManyRequests(e.getMessage(), e.retryAfterSeconds());
            case UNKNOWN_DOMAINS -> ApiException.validation(e.getMessage(), e.unknownDomains().stream()
                    .map(d -> new ApiException.Detail(param, "not a domain of this site: " + d)).toList());
            case NO_TARGET -> ApiException.validation(e.getMessage(), List.of(new ApiException.Detail(param, "required")));
        };
    }
}
