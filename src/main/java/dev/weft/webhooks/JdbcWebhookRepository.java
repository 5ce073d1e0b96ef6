package dev.weft.webhooks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcWebhookRepository implements WebhookRepository {

    private static final String WEBHOOK = """
            select w.id, w.site_id, s.workspace_id, w.trigger_type, w.url, w.filter_name, w.api_version,
                   w.created_at, w.last_triggered
            from webhooks w join sites s on s.id = w.site_id""";

    private static final String CLAIM = """
            select id from webhook_deliveries
            where status = 'pending' and next_attempt_at <= ?
            order by next_attempt_at, id
            limit ?
            for update skip locked""";

    private static final String DELIVERY = """
            select d.id, d.webhook_id, d.trigger_type, d.status, d.attempts, d.next_attempt_at, d.created_at,
                   d.delivered_at, d.last_status_code, d.last_error
            from webhook_deliveries d join webhooks w on w.id = d.webhook_id""";

    private final JdbcClient jdbc;

    JdbcWebhookRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(Webhook w) {
        jdbc.sql("""
                insert into webhooks (id, site_id, trigger_type, url, filter_name, api_version, created_at, last_triggered)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(w.id(), w.siteId(), w.triggerType(), w.url(), w.filterName(), w.apiVersion(),
                        Timestamp.from(w.createdOn()), ts(w.lastTriggered()))
                .update();
    }

    @Override
    public Optional<Webhook> find(String id) {
        return jdbc.sql(WEBHOOK + " where w.id = ?").param(id).query((rs, n) -> webhook(rs)).optional();
    }

    @Override
    public List<Webhook> ofSite(String siteId) {
        return jdbc.sql(WEBHOOK + " where w.site_id = ? order by w.created_at, w.id").param(siteId)
                .query((rs, n) -> webhook(rs)).list();
    }

    @Override
    public List<Webhook> ofSite(String siteId, String triggerType) {
        return jdbc.sql(WEBHOOK + " where w.site_id = ? and w.trigger_type = ? order by w.created_at, w.id")
                .params(siteId, triggerType).query((rs, n) -> webhook(rs)).list();
    }

    @Override
    public int count(String siteId, String triggerType) {
        return jdbc.sql("select count(*) from webhooks where site_id = ? and trigger_type = ?")
                .params(siteId, triggerType).query(Integer.class).single();
    }

    @Override
    public boolean delete(String siteId, String id) {
        return jdbc.sql("delete from webhooks where site_id = ? and id = ?").params(siteId, id).update() == 1;
    }

    @Override
    public void markTriggered(Collection<String> ids, Instant at) {
        if (!ids.isEmpty()) {
            jdbc.sql("update webhooks set last_triggered = :at where id in (:ids)")
                    .param("at", Timestamp.from(at)).param("ids", ids).update();
        }
    }

    @Override
    public Optional<String> signingSecret(String siteId) {
        return jdbc.sql("select secret from webhook_signing_keys where site_id = ?").param(siteId)
                .query(String.class).optional();
    }

    @Override
    public void insertSigningSecret(String siteId, String secret, Instant at) {
        jdbc.sql("insert into webhook_signing_keys (site_id, secret, created_at) values (?, ?, ?)")
                .params(siteId, secret, Timestamp.from(at)).update();
    }

    @Override
    public void enqueue(String webhookId, String triggerType, String body, Instant at) {
        jdbc.sql("""
                insert into webhook_deliveries (webhook_id, trigger_type, body, status, attempts, next_attempt_at, created_at)
                values (?, ?, ?, 'pending', 0, ?, ?)""")
                .params(webhookId, triggerType, body, Timestamp.from(at), Timestamp.from(at))
                .update();
    }

    @Override
    public List<Long> claimDue(Instant now, Instant leaseUntil, int limit) {
        List<Long> ids = jdbc.sql(CLAIM).params(Timestamp.from(now), limit).query(Long.class).list();
        if (!ids.isEmpty()) {
            jdbc.sql("update webhook_deliveries set next_attempt_at = :lease where id in (:ids)")
                    .param("lease", Timestamp.from(leaseUntil)).param("ids", ids).update();
        }
        return ids;
    }

    @Override
    public List<Outgoing> outgoing(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select d.id, d.webhook_id, w.url, d.body, d.attempts, k.secret
                from webhook_deliveries d
                join webhooks w on w.id = d.webhook_id
                join webhook_signing_keys k on k.site_id = w.site_id
                where d.id in (:ids) and d.status = 'pending'""")
                .param("ids", ids)
                .query((rs, n) -> new Outgoing(rs.getLong("id"), rs.getString("webhook_id"), rs.getString("url"),
                        rs.getString("body"), rs.getInt("attempts"), rs.getString("secret")))
                .list();
    }

    @Override
    public void delivered(long id, int attempts, int statusCode, Instant at) {
        jdbc.sql("""
                update webhook_deliveries set status = 'delivered', attempts = ?, last_status_code = ?, delivered_at = ?,
                       next_attempt_at = null, last_error = null
                where id = ? and status = 'pending'""")
                .params(attempts, statusCode, Timestamp.from(at), id).update();
    }

    @Override
    public void retry(long id, int attempts, Integer statusCode, String error, Instant nextAttemptAt) {
        jdbc.sql("""
                update webhook_deliveries set attempts = ?, last_status_code = ?, last_error = ?, next_attempt_at = ?
                where id = ? and status = 'pending'""")
                .params(attempts, statusCode, error, Timestamp.from(nextAttemptAt), id).update();
    }

    @Override
    public void failed(long id, int attempts, Integer statusCode, String error) {
        jdbc.sql("""
                update webhook_deliveries set status = 'failed', attempts = ?, last_status_code = ?, last_error = ?,
                       next_attempt_at = null
                where id = ? and status = 'pending'""")
                .params(attempts, statusCode, error, id).update();
    }

    @Override
    public List<Delivery> recent(String siteId, int limit) {
        return jdbc.sql(DELIVERY + " where w.site_id = ? order by d.id desc limit ?").params(siteId, limit)
                .query((rs, n) -> delivery(rs)).list();
    }

    private static Webhook webhook(ResultSet rs) throws SQLException {
        return new Webhook(rs.getString("id"), rs.getString("site_id"), rs.getString("workspace_id"),
                rs.getString("trigger_type"), rs.getString("url"), rs.getString("filter_name"), rs.getInt("api_version"),
                rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("last_triggered")));
    }

    private static Delivery delivery(ResultSet rs) throws SQLException {
        int code = rs.getInt("last_status_code");
        Integer status = rs.wasNull() ? null : code;
        return new Delivery(rs.getLong("id"), rs.getString("webhook_id"), rs.getString("trigger_type"),
                rs.getString("status"), rs.getInt("attempts"), instant(rs.getTimestamp("next_attempt_at")),
                rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("delivered_at")), status,
                rs.getString("last_error"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
