package dev.weft.dashboard;

import dev.weft.accounts.AccountService;
import dev.weft.accounts.WeftUser;
import dev.weft.oauth.Grant;
import dev.weft.oauth.Grants;
import dev.weft.sites.SiteException;
import dev.weft.sites.SitePublishing;
import dev.weft.sites.SiteService;
import dev.weft.webhooks.WebhookService;
import dev.weft.system.ForbiddenException;
import dev.weft.audit.AuditLog;
import dev.weft.system.NotFoundException;
import dev.weft.tokens.IssuedToken;
import dev.weft.tokens.ListedToken;
import dev.weft.tokens.NewSiteToken;
import dev.weft.tokens.Overlap;
import dev.weft.tokens.ScopeFamily;
import dev.weft.tokens.SiteToken;
import dev.weft.tokens.SiteTokenListing;
import dev.weft.tokens.SiteTokenService;
import dev.weft.tokens.TokenException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.RequestParam;
import dev.weft.usage.Usage;
import dev.weft.usage.UsageService;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Project Settings → Integrations: the API Access section (the legacy token's Generate API Token and Generate new
 * API Token; named site tokens: create, rotate with an overlap, retire now, revoke) and
 * Authorized Applications. A new token is rendered once, in the answer to the POST that made it: it is never
 * put in a URL, a redirect, a flash attribute or the session.
 */
@Controller
class IntegrationsController {

    static final int USAGE_DAYS = 30;
    static final int RECENT_DELIVERIES = 20;

    private final SiteService sites;
    private final SiteTokenService tokens;
    private final AccountService accounts;
    private final UsageService usage;
    private final Grants grants;
    private final CredentialHistorySections history;
    private final SiteTokenListing listings;
    private final WebhookService webhooks;
    private final SitePublishing publishing;

    IntegrationsController(SiteService sites, SiteTokenService tokens, AccountService accounts, UsageService usage,
            Grants grants, SiteTokenListing listings, CredentialHistorySections history, WebhookService webhooks,
            SitePublishing publishing) {
        this.webhooks = webhooks;
        this.publishing = publishing;
        this.listings = listings;
        this.history = history;
        this.sites = sites;
        this.tokens = tokens;
        this.accounts = accounts;
        this.usage = usage;
        this.grants = grants;
    }

    /** An app with access to the site, with the usage of its token. */
    record AuthorizedApp(Grant grant, Usage usage, List<Integer> bars) {}

    @GetMapping("/dashboard/sites/{siteId}/settings/integrations")
    String integrations(@CurrentUser WeftUser user, @PathVariable String siteId,
            @RequestParam(name = "auditPage", required = false) Integer auditPage, Model model) {
        history.addTo(model, user, siteId, auditPage); // Reported leaks, Audit log
        return page(user, siteId, null, model);
    }

    /** Generate API Token: only when the site has none; otherwise it asks to confirm a regeneration. */
    @PostMapping("/dashboard/sites/{siteId}/settings/integrations/api-token")
    String generate(@CurrentUser WeftUser user, @PathVariable String siteId, HttpServletRequest request, Model model) {
        if (tokens.current(user.id(), siteId).isPresent()) {
            return confirm(user, siteId, model);
        }
        return page(user, siteId, tokens.generate(actor(user, request), siteId, Overlap.NOW), model);
    }

    /**
     * Generate new API Token, step 1: the confirmation that every integration using the token will break, unless
     * an overlap is chosen.
     */
    @GetMapping("/dashboard/sites/{siteId}/settings/integrations/api-token/regenerate")
    String confirm(@CurrentUser WeftUser user, @PathVariable String siteId, Model model) {
        var current = tokens.current(user.id(), siteId).orElse(null);
        return rotationPage(user, siteId, current, model);
    }

    /** Generate new API Token, step 2: the old token retires now or after the chosen overlap; the new one is shown once. */
    @PostMapping("/dashboard/sites/{siteId}/settings/integrations/api-token/regenerate")
    String regenerate(@CurrentUser WeftUser user, @PathVariable String siteId,
            @RequestParam(name = "overlap", required = false) String overlap, HttpServletRequest request, Model model) {
        return page(user, siteId, tokens.generate(actor(user, request), siteId, Overlap.of(overlap)), model);
    }

    /** New site token: a named token with scopes per resource and an optional expiry date, shown once. */
    @PostMapping("/dashboard/sites/{siteId}/settings/integrations/api-tokens")
    String create(@CurrentUser WeftUser user, @PathVariable String siteId, @RequestParam Map<String, String> form,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        Map<ScopeFamily, ScopeFamily.Access> access = new EnumMap<>(ScopeFamily.class);
        for (ScopeFamily f : ScopeFamily.values()) {
            access.put(f, ScopeFamily.Access.of(form.get("access-" + f.prefix())));
        }
        LocalDate expiresOn;
        try {
            String date = form.getOrDefault("expiresOn", "").strip();
            expiresOn = date.isEmpty() ? null : LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            return tokenError(user, siteId, "The expiry date must be a date (YYYY-MM-DD).", response, model);
        }
        try {
            return page(user, siteId, tokens.create(actor(user, request), siteId,
                    new NewSiteToken(form.get("name"), access, expiresOn)), model);
        } catch (TokenException e) {
            return tokenError(user, siteId, e.getMessage(), response, model);
        }
    }

    /** Rotate, step 1: choose the overlap. */
    @GetMapping("/dashboard/sites/{siteId}/settings/integrations/api-tokens/{tokenId}/rotate")
    String confirmRotation(@CurrentUser WeftUser user, @PathVariable String siteId, @PathVariable String tokenId,
            Model model) {
        return rotationPage(user, siteId, liveToken(user, siteId, tokenId), model);
    }

    /** Rotate, step 2: a new token with the same name and scopes, shown once; the old one retires after the overlap. */
    @PostMapping("/dashboard/sites/{siteId}/settings/integrations/api-tokens/{tokenId}/rotate")
    String rotate(@CurrentUser WeftUser user, @PathVariable String siteId, @PathVariable String tokenId,
            @RequestParam(name = "overlap", required = false) String overlap, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        try {
            return page(user, siteId, tokens.rotate(actor(user, request), siteId, tokenId, Overlap.of(overlap)), model);
        } catch (TokenException e) {
            return tokenError(user, siteId, e.getMessage(), response, model);
        }
    }

    /** Revoke, step 1: the confirmation. */
    @GetMapping("/dashboard/sites/{siteId}/settings/integrations/api-tokens/{tokenId}/revoke")
    String confirmRevocation(@CurrentUser WeftUser user, @PathVariable String siteId, @PathVariable String tokenId,
            Model model) {
        var access = sites.forUser(user.id(), siteId);
        model.addAttribute("site", access.site());
        model.addAttribute("token", liveToken(user, siteId, tokenId));
        model.addAttribute("section", "integrations");
        return "revoke-token";
    }

    /** Revoke, step 2: the token stops working at once, on every node; it stays listed as revoked. */
    @PostMapping("/dashboard/sites/{siteId}/settings/integrations/api-tokens/{tokenId}/revoke")
    String revoke(@CurrentUser WeftUser user, @PathVariable String siteId, @PathVariable String tokenId,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        try {
            tokens.revoke(actor(user, request), siteId, tokenId);
        } catch (TokenException e) {
            return tokenError(user, siteId, e.getMessage(), response, model);
        }
        return "redirect:/dashboard/sites/" + siteId + "/settings/integrations#api-access";
    }

    /** Retire now: a rotated token's overlap ends at once. */
    @PostMapping("/dashboard/sites/{siteId}/settings/integrations/api-tokens/{tokenId}/retire")
    String retire(@CurrentUser WeftUser user, @PathVariable String siteId, @PathVariable String tokenId,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        try {
            tokens.retireNow(actor(user, request), siteId, tokenId);
        } catch (TokenException e) {
            return tokenError(user, siteId, e.getMessage(), response, model);
        }
        return "redirect:/dashboard/sites/" + siteId + "/settings/integrations#api-access";
    }

    /** Authorized Applications → Revoke: the app loses this site at once. */
    @PostMapping("/dashboard/sites/{siteId}/settings/integrations/apps/{authorizationId}/revoke")
    String revokeApp(@CurrentUser WeftUser user, @PathVariable String siteId, @PathVariable String authorizationId,
            HttpServletRequest request) {
        grants.revokeFromSite(user.id(), siteId, authorizationId, request.getRemoteAddr());
        return "redirect:/dashboard/sites/" + siteId + "/settings/integrations#authorized-applications";
    }

    /** Custom domains → Add domain (owners and admins). */
    @PostMapping("/dashboard/sites/{siteId}/settings/integrations/domains")
    String addDomain(@CurrentUser WeftUser user, @PathVariable String siteId,
            @RequestParam(name = "name", required = false) String name, HttpServletResponse response, Model model) {
        try {
            publishing.addDomain(user.id(), siteId, name);
        } catch (SiteException e) {
            response.setStatus(422);
            model.addAttribute("domainError", e.getMessage());
            return page(user, siteId, null, model);
        }
        return "redirect:/dashboard/sites/" + siteId + "/settings/integrations#custom-domains";
    }

    /** Custom domains → Remove (owners and admins). */
    @PostMapping("/dashboard/sites/{siteId}/settings/integrations/domains/{domainId}/remove")
    String removeDomain(@CurrentUser WeftUser user, @PathVariable String siteId, @PathVariable String domainId) {
        publishing.removeDomain(user.id(), siteId, domainId);
        return "redirect:/dashboard/sites/" + siteId + "/settings/integrations#custom-domains";
    }

    /** A token of the list with the names of who created and who revoked it, and its scopes in words. */
    record TokenRow(ListedToken listed, SiteToken token, String createdBy, String endedWhy, List<String> scopes) {}

    private TokenRow row(ListedToken listed, Map<String, String> names) {
        SiteToken t = listed.token();
        String why = t.ended() == null ? null : switch (t.ended().reason()) {
            case "revoked" -> "revoked by " + name(t.ended().byUserId(), names);
            case "reported_leaked" -> "reported leaked";
            case String other -> other.replace('_', ' ');
        };
        List<String> scopes = t.legacy() ? List.of("Every scope") : ScopeFamily.describe(t.scopes());
        return new TokenRow(listed, t, name(t.createdBy(), names), why, scopes);
    }

    private String name(String userId, Map<String, String> names) {
        if (userId == null) {
            return "Weft";
        }
        return names.computeIfAbsent(userId, id -> accounts.user(id).map(u -> u.displayName()).orElse("a former member"));
    }

    private static AuditLog.Actor actor(WeftUser user, HttpServletRequest request) {
        return AuditLog.Actor.user(user.id(), request.getRemoteAddr());
    }

    private SiteToken liveToken(WeftUser user, String siteId, String tokenId) {
        return listings.list(user.id(), siteId).live().stream().map(ListedToken::token)
                .filter(t -> t.id().equals(tokenId)).findFirst()
                .orElseThrow(() -> new NotFoundException("No such API token, or it no longer works."));
    }

    private String rotationPage(WeftUser user, String siteId, SiteToken token, Model model) {
        var access = sites.forUser(user.id(), siteId);
        if (!access.role().administersSites()) {
            throw new ForbiddenException("Only the workspace's owners and admins can manage API access.");
        }
        model.addAttribute("site", access.site());
        model.addAttribute("current", token);
        model.addAttribute("lastUse", token == null ? null : usage.lastUse(token.id()));
        model.addAttribute("overlaps", Overlap.values());
        model.addAttribute("section", "integrations");
        return "regenerate-token";
    }

    private String tokenError(WeftUser user, String siteId, String message, HttpServletResponse response, Model model) {
        response.setStatus(422); // Unprocessable Content: the form is shown again with the reason
        model.addAttribute("tokenError", message);
        return page(user, siteId, null, model);
    }

    private String page(WeftUser user, String siteId, IssuedToken issued, Model model) {
        if (!model.containsAttribute("auditLog")) {
            history.addTo(model, user, siteId, null); // after an action: the first page, with its event
        }
        var access = sites.forUser(user.id(), siteId);
        boolean admin = access.role().administersSites();
        model.addAttribute("site", access.site());
        model.addAttribute("role", access.role());
        model.addAttribute("canManage", admin);
        model.addAttribute("section", "integrations");
        model.addAttribute("issued", issued);
        if (admin) {
            var current = tokens.current(user.id(), siteId).orElse(null);
            model.addAttribute("current", current);
            model.addAttribute("createdBy", current == null ? null
                    : accounts.user(current.createdBy()).map(u -> u.displayName()).orElse("a former member"));
            if (current != null) {
                Usage tokenUsage = usage.usage(current.id(), USAGE_DAYS);
                model.addAttribute("usage", tokenUsage);
                model.addAttribute("bars", UsageService.barHeights(tokenUsage));
            }
            var listing = listings.list(user.id(), siteId);
            Map<String, String> names = new HashMap<>();
            model.addAttribute("liveTokens", listing.live().stream().map(t -> row(t, names)).toList());
            model.addAttribute("endedTokens", listing.ended().stream().map(t -> row(t, names)).toList());
            model.addAttribute("listing", listing);
            model.addAttribute("families", ScopeFamily.values());
            model.addAttribute("accesses", ScopeFamily.Access.values());
            model.addAttribute("domains", publishing.domains(siteId));
            model.addAttribute("subdomain", publishing.subdomain(access.site()));
            model.addAttribute("webhooks", webhooks.list(siteId));
            model.addAttribute("deliveries", webhooks.recentDeliveries(siteId, RECENT_DELIVERIES));
            model.addAttribute("signingSecret", webhooks.signingSecret(siteId).orElse(null));
            model.addAttribute("apps", grants.forSite(user.id(), siteId).stream().map(g -> {
                Usage appUsage = usage.usage(g.authorizationId(), USAGE_DAYS);
                return new AuthorizedApp(g, appUsage, UsageService.barHeights(appUsage));
            }).toList());
        }
        return "integrations";
    }
}
