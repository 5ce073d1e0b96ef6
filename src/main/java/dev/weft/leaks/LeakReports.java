package dev.weft.leaks;

import dev.weft.audit.AuditAction;
import dev.weft.audit.AuditLog;
import dev.weft.audit.AuditLog.Actor;
import dev.weft.oauth.AppAuthorizations;
import dev.weft.oauth.AppService;
import dev.weft.sites.SiteService;
import dev.weft.system.ForbiddenException;
import dev.weft.system.Ids;
import dev.weft.tokens.TokenDigester;
import dev.weft.tokens.TokenFormat;
import dev.weft.tokens.TokenRevocations;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leaked-credential reports (GitHub's revocation API, for Weft's credentials): whoever finds a Weft token —
 * a secret scanner, a stranger — sends it, and it stops working at once, on every node. Each revoked credential
 * is recorded (reporter's address, note, when; the credential by id and hint, never its value) and written into
 * the audit log of every site it reached as {@link AuditAction#TOKEN_REPORTED_LEAKED}.
 *
 * <ul>
 *   <li>site token ({@code weft_site_}): revoked, reason {@code reported_leaked};</li>
 *   <li>app token ({@code weft_app_}): its authorization revoked, reason {@code reported_leaked};</li>
 *   <li>client secret ({@code weft_cs_}): recorded for the app's workspace, not changed: a new secret would reach
 *       nobody, and the app's managers replace it with <b>Generate new client secret</b>.</li>
 * </ul>
 * Entries that are not well-formed Weft credentials (prefix, length, alphabet, checksum) are skipped with no
 * database access; every other entry is looked up, so the work does not depend on which ones are valid.
 */
@Service
public class LeakReports {

    /** Reports shown on a site's Integrations page. */
    static final int SHOWN = 50;

    private final LeakReportRepository reports;
    private final TokenDigester digester;
    private final TokenRevocations revocations;
    private final AppAuthorizations appTokens;
    private final AppService apps;
    private final AuditLog audit;
    private final SiteService sites;
    private final Clock clock;

    LeakReports(LeakReportRepository reports, TokenDigester digester, TokenRevocations revocations,
            AppAuthorizations appTokens, AppService apps, AuditLog audit, SiteService sites, Clock clock) {
        this.reports = reports;
        this.digester = digester;
        this.revocations = revocations;
        this.appTokens = appTokens;
        this.apps = apps;
        this.audit = audit;
        this.sites = sites;
        this.clock = clock;
    }

    /**
     * Revokes every valid Weft token among {@code credentials} and records each one, in one transaction. Says
     * nothing about what it found: the caller answers the same whatever the list held.
     */
    @Transactional
    public void report(List<String> credentials, String note, String clientAddress) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Actor reporter = Actor.reporter(clientAddress);
        for (String credential : new LinkedHashSet<>(credentials)) {
            String digest = digester.digest(credential);
            if (!(TokenFormat.parse(credential) instanceof TokenFormat.Parsed.WellFormed wellFormed)) {
                continue;
            }
            switch (wellFormed.kind()) {
                case SITE -> siteToken(digest, now, reporter, note);
                case APP -> appToken(digest, now, reporter, note);
                case CLIENT_SECRET -> clientSecret(digest, now, reporter, note);
            }
        }
    }

    /** The reports that reached a site, newest first; for its workspace's owners and admins. */
    public List<LeakReport> forSite(String actorUserId, String siteId) {
        if (!sites.forUser(actorUserId, siteId).role().administersSites()) {
            throw new ForbiddenException("Only the workspace's owners and admins can see reported leaks.");
        }
        return reports.forSite(siteId, SHOWN);
    }

    private void siteToken(String digest, Instant now, Actor reporter, String note) {
        reports.liveSiteToken(digest).ifPresent(token -> {
            if (!reports.revokeSiteToken(digest, now)) {
                return; // revoked meanwhile by someone else
            }
            revocations.revoked(digest);
            String label = token.hint(); // the token's name (or "Legacy API token") and hint
            record(LeakReport.Kind.SITE_TOKEN, token.id(), label, now, reporter, note, token.workspaceId(),
                    List.of(token.siteId()));
        });
    }

    private void appToken(String digest, Instant now, Actor reporter, String note) {
        appTokens.revokeReportedLeaked(digest).ifPresent(revoked -> record(LeakReport.Kind.APP_TOKEN,
                revoked.authorizationId(), revoked.label(), now, reporter, note, null, revoked.siteIds()));
    }

    private void clientSecret(String digest, Instant now, Actor reporter, String note) {
        apps.withSecretDigest(digest).ifPresent(app -> record(LeakReport.Kind.CLIENT_SECRET, app.id(),
                app.name() + " (" + app.secretHint() + ")", now, reporter, note, app.workspaceId(), List.of()));
    }

    private void record(LeakReport.Kind kind, String credentialId, String label, Instant now, Actor reporter,
            String note, String workspaceId, List<String> siteIds) {
        reports.insert(new LeakReport(Ids.objectId(), now, reporter.clientAddress(), note, kind, credentialId, label),
                workspaceId, siteIds);
        for (String siteId : siteIds) {
            audit.record(siteId, AuditAction.TOKEN_REPORTED_LEAKED, reporter, credentialId, label, note);
        }
    }
}
