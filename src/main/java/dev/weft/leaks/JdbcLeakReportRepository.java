package dev.weft.leaks;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcLeakReportRepository implements LeakReportRepository {

    private static final String LIVE_SITE_TOKEN = """
            select t.id, t.site_id, s.workspace_id,
                   coalesce(t.token_name, 'Legacy API token') || ' ' || t.hint as hint
            from site_tokens t join sites s on s.id = t.site_id
            where t.digest = ? and t.revoked_at is null""";
    /** The statement agreed with the site-token lifecycle (issue 5 parts 1–3); valid whatever columns it adds. */
    private static final String REVOKE_SITE_TOKEN = """
            update site_tokens set revoked_at = ?, revoked_reason = 'reported_leaked', active_site_id = null
            where digest = ? and revoked_at is null""";
    private static final String INSERT = """
            insert into leak_reports (id, reported_at, client_address, note, credential_kind, credential_id,
                                      credential_label, workspace_id)
            values (?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_SITE = "insert into leak_report_sites (report_id, site_id) values (?, ?)";
    private static final String FOR_SITE = """
            select r.id, r.reported_at, r.client_address, r.note, r.credential_kind, r.credential_id, r.credential_label
            from leak_reports r join leak_report_sites s on s.report_id = r.id
            where s.site_id = ? order by r.reported_at desc, r.id desc
            fetch first ? rows only""";

    private final JdbcClient jdbc;

    JdbcLeakReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<LiveSiteToken> liveSiteToken(String digest) {
        return jdbc.sql(LIVE_SITE_TOKEN).param(digest)
                .query((rs, n) -> new LiveSiteToken(rs.getString("id"), rs.getString("site_id"),
                        rs.getString("workspace_id"), rs.getString("hint")))
                .optional();
    }

    @Override
    public boolean revokeSiteToken(String digest, Instant at) {
        return jdbc.sql(REVOKE_SITE_TOKEN).params(Timestamp.from(at), digest).update() == 1;
    }

    @Override
    public void insert(LeakReport report, String workspaceId, List<String> siteIds) {
        jdbc.sql(INSERT).params(report.id(), Timestamp.from(report.reportedAt()), clip(report.clientAddress(), 64),
                report.note(), report.kind().value(), report.credentialId(), clip(report.label(), 200), workspaceId)
                .update();
        for (String siteId : siteIds) {
            jdbc.sql(INSERT_SITE).params(report.id(), siteId).update();
        }
    }

    @Override
    public List<LeakReport> forSite(String siteId, int limit) {
        return jdbc.sql(FOR_SITE).params(siteId, limit)
                .query((rs, n) -> new LeakReport(rs.getString("id"), rs.getTimestamp("reported_at").toInstant(),
                        rs.getString("client_address"), rs.getString("note"), LeakReport.Kind.of(rs.getString("credential_kind")),
                        rs.getString("credential_id"), rs.getString("credential_label")))
                .list();
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
