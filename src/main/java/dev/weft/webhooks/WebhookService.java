package dev.weft.webhooks;

import dev.weft.system.LoopbackHosts;
import dev.weft.sites.Site;
import dev.weft.sites.SiteService;
import dev.weft.system.Ids;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Webhook registrations of a site (Webflow's v1 and v2 webhooks API) and the site's signing secret. Callers
 * have checked that the site is the caller's; a webhook of another site is treated as absent.
 */
@Service
public class WebhookService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebhookRepository webhooks;
    private final SiteService sites;
    private final WebhookProperties properties;
    private final Clock clock;

    WebhookService(WebhookRepository webhooks, SiteService sites, WebhookProperties properties, Clock clock) {
        this.webhooks = webhooks;
        this.sites = sites;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * A registration request.
     *
     * @param filterName the form-name filter, only for {@code form_submission}; null for none
     */
    public record NewWebhook(int apiVersion, String triggerType, String url, String filterName) {}

    public List<Webhook> list(String siteId) {
        return webhooks.ofSite(siteId);
    }

    /** The webhook, whatever its site: the caller checks the site is one it reaches. */
    public Optional<Webhook> find(String webhookId) {
        return Ids.isObjectId(webhookId) ? webhooks.find(webhookId) : Optional.empty();
    }

    /** The site's webhook with that id, if any. */
    public Optional<Webhook> find(String siteId, String webhookId) {
        return find(webhookId).filter(w -> w.siteId().equals(siteId));
    }

    /**
     * Registers a webhook: a trigger type of the request's API version, an https URL (http only to a loopback
     * address), a filter only for {@code form_submission}, and at most {@code weft.webhooks.max-per-trigger} (75)
     * per trigger type per site, counted under the site's row lock.
     */
    @Transactional
    public Webhook create(String siteId, NewWebhook request) {
        List<String> types = request.apiVersion() == 1 ? TriggerTypes.V1 : TriggerTypes.V2;
        if (request.triggerType() == null || request.triggerType().isBlank()) {
            throw new WebhookException("triggerType", "triggerType is required");
        }
        if (!types.contains(request.triggerType())) {
            throw new WebhookException("triggerType", "triggerType must be one of " + String.join(", ", types));
        }
        if (request.url() == null || request.url().isBlank()) {
            throw new WebhookException("url", "url is required");
        }
        if (request.url().length() > 2048 || !isDeliverable(request.url())) {
            throw new WebhookException("url", "url must be an https URL (http only to a loopback address)");
        }
        if (request.filterName() != null && !request.triggerType().equals("form_submission")) {
            throw new WebhookException("filter", "filter is only supported for the form_submission trigger type");
        }
        if (request.filterName() != null && request.filterName().length() > 256) {
            throw new WebhookException("filter.name", "filter.name must be at most 256 characters");
        }
        Site site = sites.lock(siteId);
        if (webhooks.count(siteId, request.triggerType()) >= properties.maxPerTrigger()) {
            throw new WebhookException("triggerType", "Limit of " + properties.maxPerTrigger()
                    + " registrations per triggerType per site reached for " + request.triggerType());
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (webhooks.signingSecret(siteId).isEmpty()) {
            webhooks.insertSigningSecret(siteId, newSecret(), now);
        }
        Webhook webhook = new Webhook(Ids.objectId(), siteId, site.workspaceId(), request.triggerType(), request.url(),
                request.filterName(), request.apiVersion(), now, null);
        webhooks.insert(webhook);
        return webhook;
    }

    /** Removes the site's webhook and its queued deliveries; false when the site has no such webhook. */
    @Transactional
    public boolean delete(String siteId, String webhookId) {
        return Ids.isObjectId(webhookId) && webhooks.delete(siteId, webhookId);
    }

    /** The key the site's deliveries are signed with; empty until the site's first webhook. */
    public Optional<String> signingSecret(String siteId) {
        return webhooks.signingSecret(siteId);
    }

    /** The site's most recent deliveries, newest first. */
    public List<Delivery> recentDeliveries(String siteId, int limit) {
        return webhooks.recent(siteId, limit);
    }

    /** https, or http to a loopback address (as OAuth redirect URIs), with a host and no user info. */
    static boolean isDeliverable(String value) {
        try {
            URI uri = new URI(value);
            if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawUserInfo() != null) {
                return false;
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            return scheme.equals("https") || scheme.equals("http") && LoopbackHosts.isLoopback(uri.getHost());
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
