package dev.weft.audit;

import dev.weft.sites.SiteService;
import dev.weft.system.ForbiddenException;
import dev.weft.system.Ids;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcAuditLog implements AuditLog {

    static final int PAGE_SIZE = 20;

    private final JdbcClient jdbc;
    private final SiteService sites;
    private final Clock clock;

    JdbcAuditLog(JdbcClient jdbc, SiteService sites, Clock clock) {
        this.jdbc = jdbc;
        this.sites = sites;
        this.clock = clock;
    }

    @Override
    public void record(String siteId, AuditAction action, Actor actor, String subjectId, String subjectLabel,
            String detail) {
        jdbc.sql("""
                insert into site_audit_events (id, site_id, at, action, actor_user_id, actor_label, client_address,
                                               subject_id, subject_label, detail)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Ids.objectId(), siteId, Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MILLIS)),
                        action.value(), actor.userId(), clip(actor.label(), 40), clip(actor.clientAddress(), 64),
                        subjectId, clip(subjectLabel, 200), clip(detail, 2000))
                .update();
    }

    @Override
    public Page page(String actorUserId, String siteId, int page) {
        if (!sites.forUser(actorUserId, siteId).role().administersSites()) {
            throw new ForbiddenException("Only the workspace's owners and admins can see the audit log.");
        }
        int p = Math.max(0, page);
        long total = jdbc.sql("select count(*) from site_audit_events where site_id = ?").param(siteId)
                .query(Long.class).single();
        var events = jdbc.sql("""
                select id, site_id, at, action, actor_user_id, actor_label, client_address, subject_id, subject_label,
                       detail
                from site_audit_events where site_id = ? order by at desc, id desc
                offset ? rows fetch next ? rows only""")
                .params(siteId, (long) p * PAGE_SIZE, PAGE_SIZE)
                .query((rs, n) -> new AuditEvent(rs.getString("id"), rs.getString("site_id"),
                        rs.getTimestamp("at").toInstant(), AuditAction.of(rs.getString("action")),
                        rs.getString("actor_user_id"), rs.getString("actor_label"), rs.getString("client_address"),
                        rs.getString("subject_id"), rs.getString("subject_label"), rs.getString("detail")))
                .list();
        return new Page(events, p, PAGE_SIZE, total);
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
