package dev.weft.leaks;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Leak reports (tables leak_reports, leak_report_sites), and the site-token side of revoking a reported token. */
interface LeakReportRepository {

    /** A site token that is not revoked, found by its digest. */
    record LiveSiteToken(String id, String siteId, String workspaceId, String hint) {}

    Optional<LiveSiteToken> liveSiteToken(String digest);

    /**
     * Revokes the site token with this digest, reason {@code reported_leaked} (the contract with the site-token
     * lifecycle: a token is dead once {@code revoked_at} is set); true when this call revoked it.
     */
    boolean revokeSiteToken(String digest, Instant at);

    void insert(LeakReport report, String workspaceId, List<String> siteIds);

    /** The reports that reached the site, newest first, at most {@code limit}. */
    List<LeakReport> forSite(String siteId, int limit);
}
