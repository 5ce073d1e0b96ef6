package dev.weft.dashboard;

import dev.weft.accounts.AccountService;
import dev.weft.accounts.WeftUser;
import dev.weft.oauth.App;
import dev.weft.oauth.AppDetails;
import dev.weft.oauth.AppException;
import dev.weft.oauth.AppService;
import dev.weft.oauth.RegisteredApp;
import dev.weft.system.ForbiddenException;
import dev.weft.tokens.Scopes;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A workspace's OAuth apps: register (the client secret is shown once, in the answer to the POST), edit,
 * Generate new client secret, delete.
 */
@Controller
class AppsController {

    private final AppService apps;
    private final AccountService accounts;

    AppsController(AppService apps, AccountService accounts) {
        this.apps = apps;
        this.accounts = accounts;
    }

    @GetMapping("/dashboard/workspaces/{workspaceId}/apps")
    String list(@CurrentUser WeftUser user, @PathVariable String workspaceId, Model model) {
        return listPage(user, workspaceId, null, model);
    }

    @PostMapping("/dashboard/workspaces/{workspaceId}/apps")
    String register(@CurrentUser WeftUser user, @PathVariable String workspaceId, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String description, @RequestParam(defaultValue = "") String homepage,
            @RequestParam(defaultValue = "") String redirectUris, @RequestParam(required = false) List<String> scopes,
            Model model) {
        AppDetails details = details(name, description, homepage, redirectUris, scopes);
        try {
            RegisteredApp registered = apps.register(user.id(), workspaceId, details);
            return appPage(user, registered.app(), registered.clientSecret(), model);
        } catch (AppException e) {
            model.addAttribute("error", e.getMessage());
            return listPage(user, workspaceId, details, model);
        }
    }

    @GetMapping("/dashboard/apps/{appId}")
    String app(@CurrentUser WeftUser user, @PathVariable String appId, Model model) {
        return appPage(user, apps.forMember(user.id(), appId), null, model);
    }

    @PostMapping("/dashboard/apps/{appId}")
    String update(@CurrentUser WeftUser user, @PathVariable String appId, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String description, @RequestParam(defaultValue = "") String homepage,
            @RequestParam(defaultValue = "") String redirectUris, @RequestParam(required = false) List<String> scopes,
            HttpServletRequest request, Model model) {
        try {
            apps.update(user.id(), appId, details(name, description, homepage, redirectUris, scopes), request.getRemoteAddr());
            return "redirect:/dashboard/apps/" + appId;
        } catch (AppException e) {
            model.addAttribute("error", e.getMessage());
            return appPage(user, apps.forMember(user.id(), appId), null, model);
        }
    }

    /** Generate new client secret, or Delete: the confirmation page. */
    @GetMapping("/dashboard/apps/{appId}/{action:secret|delete}")
    String confirm(@CurrentUser WeftUser user, @PathVariable String appId, @PathVariable String action, Model model) {
        App app = apps.forMember(user.id(), appId);
        if (!apps.canManage(user.id(), app)) {
            throw new ForbiddenException("Only the app's creator and the workspace's owners and admins can change it.");
        }
        model.addAttribute("app", app);
        model.addAttribute("action", action);
        return "app-confirm";
    }

    @PostMapping("/dashboard/apps/{appId}/secret")
    String regenerateSecret(@CurrentUser WeftUser user, @PathVariable String appId, Model model) {
        RegisteredApp registered = apps.regenerateSecret(user.id(), appId);
        return appPage(user, registered.app(), registered.clientSecret(), model);
    }

    @PostMapping("/dashboard/apps/{appId}/delete")
    String delete(@CurrentUser WeftUser user, @PathVariable String appId, HttpServletRequest request) {
        String workspaceId = apps.forMember(user.id(), appId).workspaceId();
        apps.delete(user.id(), appId, request.getRemoteAddr());
        return "redirect:/dashboard/workspaces/" + workspaceId + "/apps";
    }

    private String listPage(WeftUser user, String workspaceId, AppDetails form, Model model) {
        model.addAttribute("apps", apps.inWorkspace(user.id(), workspaceId));
        model.addAttribute("workspace", accounts.workspace(workspaceId).orElseThrow());
        model.addAttribute("allScopes", Scopes.ALL);
        model.addAttribute("form", form);
        return "apps";
    }

    private String appPage(WeftUser user, App app, String clientSecret, Model model) {
        model.addAttribute("app", app);
        model.addAttribute("workspace", accounts.workspace(app.workspaceId()).orElseThrow());
        model.addAttribute("canManage", apps.canManage(user.id(), app));
        model.addAttribute("creator", accounts.user(app.createdBy()).map(u -> u.displayName()).orElse("a former member"));
        model.addAttribute("allScopes", Scopes.ALL);
        model.addAttribute("clientSecret", clientSecret);
        return "app";
    }

    private static AppDetails details(String name, String description, String homepage, String redirectUris, List<String> scopes) {
        return new AppDetails(name, description, homepage, Arrays.asList(redirectUris.split("\\R")),
                scopes == null ? List.of() : scopes);
    }
}
