package dev.weft.dashboard;

import dev.weft.accounts.AccountService;
import dev.weft.accounts.WeftUser;
import dev.weft.cms.CmsService;
import dev.weft.sites.SiteException;
import dev.weft.sites.SiteService;
import dev.weft.sites.Templates;
import dev.weft.system.NotFoundException;
import java.time.ZoneId;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Creating a site (Create Site), the site's page, and its Project Settings. */
@Controller
class SitesController {

    static final List<String> TIME_ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/"))
            .sorted()
            .toList();

    private final AccountService accounts;
    private final SiteService sites;
    private final Templates templates;
    private final CmsService cms;
    private final int defaultRateLimit;

    SitesController(AccountService accounts, SiteService sites, Templates templates, CmsService cms,
            @Value("${weft.api.rate-limit-per-minute:60}") int defaultRateLimit) {
        this.defaultRateLimit = defaultRateLimit;
        this.accounts = accounts;
        this.sites = sites;
        this.templates = templates;
        this.cms = cms;
    }

    @GetMapping("/dashboard/sites/new")
    String newSite(@CurrentUser WeftUser user, @RequestParam(defaultValue = "blank") String template, Model model) {
        model.addAttribute("template", templates.find(template).orElseThrow(() -> new NotFoundException("No such template.")));
        model.addAttribute("memberships", accounts.memberships(user.id()));
        model.addAttribute("timeZones", TIME_ZONES);
        return "new-site";
    }

    @PostMapping("/dashboard/sites")
    String create(@CurrentUser WeftUser user, @RequestParam(defaultValue = "") String workspaceId,
            @RequestParam(defaultValue = "") String template, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "UTC") String timeZone, Model model) {
        try {
            var site = sites.create(user.id(), new SiteService.CreateSite(workspaceId, template, name, timeZone));
            return "redirect:/dashboard/sites/" + site.id();
        } catch (SiteException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("name", name);
            return newSite(user, templates.find(template).isPresent() ? template : "blank", model);
        }
    }

    @GetMapping("/dashboard/sites/{siteId}")
    String site(@CurrentUser WeftUser user, @PathVariable String siteId, Model model) {
        var access = sites.forUser(user.id(), siteId);
        model.addAttribute("site", access.site());
        model.addAttribute("role", access.role());
        model.addAttribute("workspace", accounts.workspace(access.site().workspaceId()).orElseThrow());
        model.addAttribute("collections", cms.collections(siteId));
        return "site";
    }

    @GetMapping("/dashboard/sites/{siteId}/settings")
    String settings(@CurrentUser WeftUser user, @PathVariable String siteId, Model model) {
        var access = sites.forUser(user.id(), siteId);
        model.addAttribute("site", access.site());
        model.addAttribute("role", access.role());
        model.addAttribute("section", "general");
        model.addAttribute("defaultRateLimit", defaultRateLimit);
        return "settings-general";
    }

    /** Project Settings → General → API rate limit (owners and admins); empty = the default. */
    @PostMapping("/dashboard/sites/{siteId}/settings/rate-limit")
    String rateLimit(@CurrentUser WeftUser user, @PathVariable String siteId,
            @RequestParam(defaultValue = "") String rateLimit, Model model) {
        try {
            Integer limit = rateLimit.isBlank() ? null : Integer.valueOf(rateLimit.strip());
            sites.setRateLimit(user.id(), siteId, limit);
            return "redirect:/dashboard/sites/" + siteId + "/settings";
        } catch (NumberFormatException | SiteException e) {
            model.addAttribute("error", e instanceof SiteException ? e.getMessage() : "Enter a whole number of requests per minute.");
            return settings(user, siteId, model);
        }
    }
}
