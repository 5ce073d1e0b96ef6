package dev.weft.dashboard;

import dev.weft.accounts.AccountException;
import dev.weft.accounts.AccountService;
import dev.weft.accounts.Membership;
import dev.weft.accounts.Role;
import dev.weft.accounts.WeftUser;
import dev.weft.sites.SiteService;
import dev.weft.system.NotFoundException;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The dashboard home (workspaces and their sites) and a workspace's page (sites, members). */
@Controller
class WorkspacesController {

    /** A workspace with its sites, for the dashboard home. */
    record WorkspaceRow(Membership membership, List<dev.weft.sites.Site> sites) {}

    private final AccountService accounts;
    private final SiteService sites;

    WorkspacesController(AccountService accounts, SiteService sites) {
        this.accounts = accounts;
        this.sites = sites;
    }

    @GetMapping("/dashboard")
    String dashboard(@CurrentUser WeftUser user, Model model) {
        model.addAttribute("rows", accounts.memberships(user.id()).stream()
                .map(m -> new WorkspaceRow(m, sites.inWorkspace(m.workspace().id())))
                .toList());
        return "dashboard";
    }

    @PostMapping("/dashboard/workspaces")
    String create(@CurrentUser WeftUser user, @RequestParam(defaultValue = "") String name, RedirectAttributes flash) {
        try {
            var workspace = accounts.createWorkspace(user.id(), name);
            return "redirect:/dashboard/workspaces/" + workspace.id();
        } catch (AccountException e) {
            flash.addFlashAttribute("error", e.getMessage());
            return "redirect:/dashboard";
        }
    }

    @GetMapping("/dashboard/workspaces/{workspaceId}")
    String workspace(@CurrentUser WeftUser user, @PathVariable String workspaceId, Model model) {
        Role role = accounts.roleIn(user.id(), workspaceId)
                .orElseThrow(() -> new NotFoundException("The workspace cannot be found."));
        model.addAttribute("workspace", accounts.workspace(workspaceId).orElseThrow());
        model.addAttribute("role", role);
        model.addAttribute("sites", sites.inWorkspace(workspaceId));
        model.addAttribute("members", accounts.members(workspaceId));
        model.addAttribute("roles", role == Role.OWNER ? Role.values() : new Role[] {Role.ADMIN, Role.MEMBER});
        return "workspace";
    }

    @PostMapping("/dashboard/workspaces/{workspaceId}/members")
    String addMember(@CurrentUser WeftUser user, @PathVariable String workspaceId,
            @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "member") String role,
            RedirectAttributes flash) {
        accounts.roleIn(user.id(), workspaceId).orElseThrow(() -> new NotFoundException("The workspace cannot be found."));
        try {
            Role chosen;
            try {
                chosen = Role.of(role);
            } catch (IllegalArgumentException e) {
                throw new AccountException("Choose owner, admin or member.");
            }
            accounts.addMember(user.id(), workspaceId, email, chosen);
            flash.addFlashAttribute("notice", "Member saved.");
        } catch (AccountException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/dashboard/workspaces/" + workspaceId;
    }
}
