package dev.weft.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.weft.system.WebflowDates;
import dev.weft.tokens.VerifiedToken;
import dev.weft.webhooks.Webhook;
import dev.weft.webhooks.WebhookException;
import dev.weft.webhooks.WebhookService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Webhooks API, v1 and v2: two views of the same registrations. A webhook created through v1 is delivered
 * the v1 body, one created through v2 {@code {triggerType, payload}}.
 */
@RestController
@Tag(name = "Webhooks")
class WebhooksApiController {

    private final ApiSites sites;
    private final WebhookService webhooks;

    WebhooksApiController(ApiSites sites, WebhookService webhooks) {
        this.sites = sites;
        this.webhooks = webhooks;
    }

    record Filter(String name) {}

    record CreateRequest(String triggerType, String url, Filter filter) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record V1Webhook(@JsonProperty("_id") String id, String triggerType, String triggerId, String site,
            String createdOn, String lastUsed, Filter filter) {
        static V1Webhook of(Webhook w) {
            return new V1Webhook(w.id(), w.triggerType(), w.siteId(), w.siteId(), WebflowDates.format(w.createdOn()),
                    WebflowDates.format(w.lastTriggered()), w.filterName() == null ? null : new Filter(w.filterName()));
        }
    }

    record V1Deleted(int deleted) {}

    record V2Webhook(String id, String triggerType, String url, String workspaceId, String siteId, Filter filter,
            String lastTriggered, String createdOn) {
        static V2Webhook of(Webhook w) {
            return new V2Webhook(w.id(), w.triggerType(), w.url(), w.workspaceId(), w.siteId(),
                    w.filterName() == null ? null : new Filter(w.filterName()), WebflowDates.format(w.lastTriggered()),
                    WebflowDates.format(w.createdOn()));
        }
    }

    record Pagination(int limit, int offset, int total) {}

    record V2WebhookList(List<V2Webhook> webhooks, Pagination pagination) {}

    /** Webflow v1 {@code GET /sites/:site_id/webhooks}: a bare array. */
    @Operation(summary = "List Webhooks (v1)")
    @RequiredScope("sites:read")
    @GetMapping("/sites/{siteId}/webhooks")
    List<V1Webhook> listV1(VerifiedToken token, @PathVariable String siteId) {
        return webhooks.list(sites.get(token, siteId).id()).stream().map(V1Webhook::of).toList();
    }

    /** Webflow v1 {@code POST /sites/:site_id/webhooks}. */
    @Operation(summary = "Create Webhook (v1)")
    @RequiredScope("sites:write")
    @PostMapping("/sites/{siteId}/webhooks")
    V1Webhook createV1(VerifiedToken token, @PathVariable String siteId, @RequestBody(required = false) CreateRequest body) {
        return V1Webhook.of(create(1, sites.get(token, siteId).id(), body));
    }

    /** Webflow v1 {@code GET /sites/:site_id/webhooks/:webhook_id}. */
    @Operation(summary = "Get Webhook (v1)")
    @RequiredScope("sites:read")
    @GetMapping("/sites/{siteId}/webhooks/{webhookId}")
    V1Webhook getV1(VerifiedToken token, @PathVariable String siteId, @PathVariable String webhookId) {
        String site = sites.get(token, siteId).id();
        return V1Webhook.of(webhooks.find(site, webhookId).orElseThrow(WebhooksApiController::notFound));
    }

    /** Webflow v1 {@code DELETE /sites/:site_id/webhooks/:webhook_id} → {@code {deleted:1}}. */
    @Operation(summary = "Remove Webhook (v1)")
    @RequiredScope("sites:write")
    @DeleteMapping("/sites/{siteId}/webhooks/{webhookId}")
    V1Deleted deleteV1(VerifiedToken token, @PathVariable String siteId, @PathVariable String webhookId) {
        if (!webhooks.delete(sites.get(token, siteId).id(), webhookId)) {
            throw notFound();
        }
        return new V1Deleted(1);
    }

    /** Webflow v2 {@code GET /sites/{site_id}/webhooks}: {@code {webhooks, pagination}}. */
    @Operation(summary = "List Webhooks")
    @RequiredScope("sites:read")
    @GetMapping("/v2/sites/{siteId}/webhooks")
    V2WebhookList listV2(VerifiedToken token, @PathVariable String siteId) {
        List<V2Webhook> list = webhooks.list(sites.get(token, siteId).id()).stream().map(V2Webhook::of).toList();
        return new V2WebhookList(list, new Pagination(list.size(), 0, list.size()));
    }

    /** Webflow v2 {@code POST /sites/{site_id}/webhooks} → 201; at most 75 per triggerType per site. */
    @Operation(summary = "Create Webhook")
    @RequiredScope("sites:write")
    @PostMapping("/v2/sites/{siteId}/webhooks")
    @ResponseStatus(HttpStatus.CREATED)
    V2Webhook createV2(VerifiedToken token, @PathVariable String siteId, @RequestBody(required = false) CreateRequest body) {
        return V2Webhook.of(create(2, sites.get(token, siteId).id(), body));
    }

    /** Webflow v2 {@code GET /webhooks/{webhook_id}}. */
    @Operation(summary = "Get Webhook")
    @RequiredScope("sites:read")
    @GetMapping("/v2/webhooks/{webhookId}")
    V2Webhook getV2(VerifiedToken token, @PathVariable String webhookId) {
        return V2Webhook.of(reachable(token, webhookId));
    }

    /**
     * Webflow v2 {@code DELETE /webhooks/{webhook_id}} → 204. (The OpenAPI text names {@code sites:read} for it;
     * Weft asks {@code sites:write}, as for creating one: a read-only token removes nothing.)
     */
    @Operation(summary = "Remove Webhook")
    @RequiredScope("sites:write")
    @DeleteMapping("/v2/webhooks/{webhookId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteV2(VerifiedToken token, @PathVariable String webhookId) {
        Webhook webhook = reachable(token, webhookId);
        if (!webhooks.delete(webhook.siteId(), webhook.id())) {
            throw notFound();
        }
    }

    private Webhook create(int version, String siteId, CreateRequest body) {
        CreateRequest request = body == null ? new CreateRequest(null, null, null) : body;
        String filter = request.filter() == null ? null : request.filter().name();
        try {
            return webhooks.create(siteId, new WebhookService.NewWebhook(version, request.triggerType(), request.url(),
                    filter));
        } catch (WebhookException e) {
            throw ApiException.validation(e.getMessage(), List.of(new ApiException.Detail(e.param(), e.getMessage())));
        }
    }

    /** The webhook, if its site is one the token reaches; else the same 404 as for an id that does not exist. */
    private Webhook reachable(VerifiedToken token, String webhookId) {
        Webhook webhook = webhooks.find(webhookId).orElseThrow(WebhooksApiController::notFound);
        try {
            sites.get(token, webhook.siteId());
        } catch (ApiException e) {
            throw notFound();
        }
        return webhook;
    }

    private static ApiException notFound() {
        return ApiException.notFound("The webhook cannot be found");
    }
}
