package dev.weft.dashboard;

import dev.weft.accounts.AccountService;
import dev.weft.accounts.User;
import dev.weft.accounts.WeftUser;
import dev.weft.audit.AuditEvent;
import dev.weft.audit.AuditLog;
import dev.weft.leaks.LeakReports;
import dev.weft.sites.SiteService;
import dev.weft.system.ForbiddenException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The Integrations page's Reported leaks and Audit log sections (issue 5), for the site's owners and admins.
 * A member sees neither, and asking for an audit-log page ({@code ?auditPage=N}) is 403.
 */
@Component
class CredentialHistorySections {

    /** One audit-log row as the page shows it: who is resolved to a name, or the actor's label. */
    record AuditRow(Instant at, String what, String who, String from, String subject, String detail) {}

    private final SiteService sites;
    private final AuditLog audit;
    private final LeakReports leaks;
    private final AccountService accounts;

    CredentialHistorySections(SiteService sites, AuditLog audit, LeakReports leaks, AccountService accounts) {
        this.sites = sites;
        this.audit = audit;
        this.leaks = leaks;
        this.accounts = accounts;
    }

    /**
     * Adds {@code leakReports}, {@code auditLog} (the page) and {@code auditRows} for owners and admins;
     * {@code auditPage} is the requested page (0-based), null when none was asked for.
     */
    void addTo(Model model, WeftUser user, String siteId, Integer auditPage) {
        if (!sites.forUser(user.id(), siteId).role().administersSites()) {
            if (auditPage != null) {
                throw new ForbiddenException("Only the workspace's owners and admins can see the audit log.");
            }
            return;
        }
        model.addAttribute("leakReports", leaks.forSite(user.id(), siteId));
        AuditLog.Page page = audit.page(user.id(), siteId, auditPage == null ? 0 : auditPage);
        model.addAttribute("auditLog", page);
        model.addAttribute("auditRows", rows(page.events()));
    }

    private List<AuditRow> rows(List<AuditEvent> events) {
        Map<String, String> names = new HashMap<>();
        return events.stream().map(e -> new AuditRow(e.at(), e.action().label(),
                e.actorUserId() == null ? Optional.ofNullable(e.actorLabel()).orElse("unknown")
                        : names.computeIfAbsent(e.actorUserId(),
                                id -> accounts.user(id).map(User::displayName).orElse("a former member")),
                e.clientAddress(), e.subjectLabel(), e.detail())).toList();
    }
}
