package dev.weft.dashboard;

import dev.weft.accounts.AccountService;
import dev.weft.accounts.WeftUser;
import dev.weft.accounts.Workspace;
import dev.weft.oauth.Grant;
import dev.weft.oauth.Grants;
import dev.weft.sites.Site;
import dev.weft.sites.SiteService;
import dev.weft.usage.Usage;
import dev.weft.usage.UsageService;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The user's account page: every app they authorized, across workspaces and sites, with Revoke. */
@Controller
class AccountController {

    /** One authorization with the names of what it reaches and when it was last used. */
    record AuthorizedApp(Grant grant, List<String> workspaces, List<String> sites, Usage.LastUse lastUse) {}

    private final AccountService accounts;
    private final SiteService sites;
    private final Grants grants;
    private final UsageService usage;

    AccountController(AccountService accounts, SiteService sites, Grants grants, UsageService usage) {
        this.accounts = accounts;
        this.sites = sites;
        this.grants = grants;
        this.usage = usage;
    }

    @GetMapping("/dashboard/account")
    String account(@CurrentUser WeftUser user, Model model) {
        model.addAttribute("user", accounts.user(user.id()).orElseThrow());
        model.addAttribute("apps", grants.forUser(user.id()).stream()
                .map(g -> new AuthorizedApp(g,
                        g.workspaceIds().stream().map(accounts::workspace).flatMap(Optional::stream).map(Workspace::name).toList(),
                        sites.byIds(g.siteIds()).stream().map(Site::name).toList(),
                        usage.lastUse(g.authorizationId())))
                .toList());
        return "account";
    }

    /** Revoke: the app's token stops working at once, on every site and workspace it reached. */
    @PostMapping("/dashboard/account/apps/{authorizationId}/revoke")
    String revoke(@CurrentUser WeftUser user, @PathVariable String authorizationId, HttpServletRequest request) {
        grants.revoke(user.id(), authorizationId, request.getRemoteAddr());
        return "redirect:/dashboard/account#authorized-applications";
    }
}
