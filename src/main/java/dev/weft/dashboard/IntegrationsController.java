package dev.weft.dashboard;

import dev.weft.accounts.AccountService;
import dev.weft.accounts.WeftUser;
import dev.weft.oauth.Grant;
import dev.weft.oauth.Grants;
import dev.weft.sites.SiteService;
import dev.weft.system.ForbiddenException;
import dev.weft.tokens.IssuedToken;
import dev.weft.tokens.SiteTokenService;
import dev.weft.usage.Usage;
import dev.weft.usage.UsageService;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Project Settings → Integrations: the API Access section (Generate API Token, Generate new API Token) and
 * Authorized Applications. A new token is rendered once, in the answer to the POST that made it: it is never
 * put in a URL, a redirect, a flash attribute or the session.
 */
@Controller
class IntegrationsController {

    static final int USAGE_DAYS = 30;

    private final SiteService sites;
    private final SiteTokenService tokens;
    private final AccountService accounts;
    private final UsageService usage;
    private final Grants grants;
    private final CredentialHistorySections history;

    IntegrationsController(SiteService sites, SiteTokenService tokens, AccountService accounts, UsageService usage,
            Grants grants, CredentialHistorySections history) {
        this.sites = sites;
        this.tokens = tokens;
        this.accounts = accounts;
        this.usage = usage;
        this.grants = grants;
        this.history = history;
    }

    /** An app with access to the site, with the usage of its token. */
    record AuthorizedApp(Grant grant, Usage usage, List<Integer> bars) {}

    @GetMapping("/dashboard/sites/{siteId}/settings/integrations")
    String integrations(@CurrentUser WeftUser user, @PathVariable String siteId,
            @RequestParam(name = "auditPage", required = false) Integer auditPage, Model model) {
        history.addTo(model, user, siteId, auditPage); // Reported leaks, Audit log (issue 5)
        return page(user, siteId, null, model);
    }

    /** Generate API Token: only when the site has none; otherwise it asks to confirm a regeneration. */
    @PostMapping("/dashboard/sites/{siteId}/settings/integrations/api-token")
    String generate(@CurrentUser WeftUser user, @PathVariable String siteId, Model model) {
        if (tokens.current(user.id(), siteId).isPresent()) {
            return confirm(user, siteId, model);
        }
        IssuedToken issued = tokens.generate(user.id(), siteId);
        history.addTo(model, user, siteId, null); // Reported leaks, Audit log (issue 5)
        return page(user, siteId, issued, model);
    }

    /** Generate new API Token, step 1: the confirmation that every integration using the token will break. */
    @GetMapping("/dashboard/sites/{siteId}/settings/integrations/api-token/regenerate")
    String confirm(@CurrentUser WeftUser user, @PathVariable String siteId, Model model) {
        var access = sites.forUser(user.id(), siteId);
        if (!access.role().administersSites()) {
            throw new ForbiddenException("Only the workspace's owners and admins can manage API access.");
        }
        model.addAttribute("site", access.site());
        var current = tokens.current(user.id(), siteId).orElse(null);
        model.addAttribute("current", current);
        model.addAttribute("lastUse", current == null ? null : usage.lastUse(current.id()));
        model.addAttribute("section", "integrations");
        return "regenerate-token";
    }

    /** Generate new API Token, step 2: invalidates the current token at once and shows the new one once. */
    @PostMapping("/dashboard/sites/{siteId}/settings/integrations/api-token/regenerate")
    String regenerate(@CurrentUser WeftUser user, @PathVariable String siteId, Model model) {
        IssuedToken issued = tokens.generate(user.id(), siteId);
        history.addTo(model, user, siteId, null); // Reported leaks, Audit log (issue 5)
        return page(user, siteId, issued, model);
    }

    /** Authorized Applications → Revoke: the app loses this site at once. */
    @PostMapping("/dashboard/sites/{siteId}/settings/integrations/apps/{authorizationId}/revoke")
    String revokeApp(@CurrentUser WeftUser user, @PathVariable String siteId, @PathVariable String authorizationId,
            HttpServletRequest request) {
        grants.revokeFromSite(user.id(), siteId, authorizationId, request.getRemoteAddr());
        return "redirect:/dashboard/sites/" + siteId + "/settings/integrations#authorized-applications";
    }

    private String page(WeftUser user, String siteId, IssuedToken issued, Model model) {
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
            model.addAttribute("apps", grants.forSite(user.id(), siteId).stream().map(g -> {
                Usage appUsage = usage.usage(g.authorizationId(), USAGE_DAYS);
                return new AuthorizedApp(g, appUsage, UsageService.barHeights(appUsage));
            }).toList());
        }
        return "integrations";
    }
}
