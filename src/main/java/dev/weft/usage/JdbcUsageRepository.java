package dev.weft.usage;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Repository
class JdbcUsageRepository implements UsageRepository {

    private static final String ADD = """
            update token_usage_daily
            set requests = requests + ?, status_2xx = status_2xx + ?, status_3xx = status_3xx + ?,
                status_4xx = status_4xx + ?, status_5xx = status_5xx + ?
            where token_id = ? and usage_day = ?""";
    private static final String INSERT = """
            insert into token_usage_daily (requests, status_2xx, status_3xx, status_4xx, status_5xx, token_id, usage_day)
            values (?, ?, ?, ?, ?, ?, ?)""";
    private static final String UPDATE_LAST_USE = """
            update token_last_use set used_at = ?, client_address = ?, user_agent = ?
            where token_id = ? and used_at <= ?""";
    private static final String INSERT_LAST_USE = """
            insert into token_last_use (used_at, client_address, user_agent, token_id) values (?, ?, ?, ?)""";

    private final JdbcTemplate template;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    JdbcUsageRepository(JdbcTemplate template, JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.template = template;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * One flush: every existing row is updated in one batch and one transaction; rows that did not exist yet
     * (a token's first use of the day) are inserted in a second batch and transaction. Only if another node
     * inserted one of them meanwhile does it fall back to row by row.
     */
    @Override
    public void add(Collection<DailyDelta> deltas) {
        List<Object[]> rows = deltas.stream().map(JdbcUsageRepository::row).toList();
        int[] updated = transaction.execute(status -> template.batchUpdate(ADD, rows));
        List<Object[]> missing = new ArrayList<>();
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] == 0) {
                missing.add(rows.get(i));
            }
        }
        insertAll(missing, INSERT, row -> {
            try {
                template.update(INSERT, row);
            } catch (DuplicateKeyException raced) { // another node inserted it meanwhile
                template.update(ADD, row);
            }
        });
    }

    @Override
    public void recordLastUses(Collection<LastUseRow> lastUses) {
        List<Object[]> updates = new ArrayList<>();
        for (LastUseRow r : lastUses) {
            Timestamp at = Timestamp.from(r.lastUse().at());
            updates.add(new Object[] {at, r.lastUse().clientAddress(), r.lastUse().userAgent(), r.tokenId(), at});
        }
        int[] updated = transaction.execute(status -> template.batchUpdate(UPDATE_LAST_USE, updates));
        List<Object[]> missing = new ArrayList<>();
        int i = 0;
        for (LastUseRow r : lastUses) {
            if (updated[i++] == 0) {
                missing.add(new Object[] {Timestamp.from(r.lastUse().at()), r.lastUse().clientAddress(),
                        r.lastUse().userAgent(), r.tokenId()});
            }
        }
        insertAll(missing, INSERT_LAST_USE, row -> {
            try {
                template.update(INSERT_LAST_USE, row);
            } catch (DuplicateKeyException newerAlreadyStored) {
                // stored meanwhile (by another node, or the row was there with a later use)
            }
        });
    }

    /** Inserts {@code rows} in one batch and transaction; if any of them exists by now, row by row instead. */
    private void insertAll(List<Object[]> rows, String sql, java.util.function.Consumer<Object[]> oneByOne) {
        if (rows.isEmpty()) {
            return;
        }
        try {
            transaction.executeWithoutResult(status -> template.batchUpdate(sql, rows));
        } catch (DuplicateKeyException raced) {
            rows.forEach(oneByOne);
        }
    }

    @Override
    public List<Usage.Day> days(String tokenId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select usage_day, requests, status_2xx, status_3xx, status_4xx, status_5xx from token_usage_daily
                where token_id = ? and usage_day between ? and ? order by usage_day""")
                .params(tokenId, Date.valueOf(from), Date.valueOf(to))
                .query((rs, n) -> new Usage.Day(rs.getDate("usage_day").toLocalDate(), rs.getLong("requests"),
                        rs.getLong("status_2xx"), rs.getLong("status_3xx"), rs.getLong("status_4xx"), rs.getLong("status_5xx")))
                .list();
    }

    @Override
    public Optional<Usage.LastUse> lastUse(String tokenId) {
        return jdbc.sql("select used_at, client_address, user_agent from token_last_use where token_id = ?")
                .param(tokenId)
                .query((rs, n) -> new Usage.LastUse(rs.getTimestamp("used_at").toInstant(), rs.getString("client_address"),
                        rs.getString("user_agent")))
                .optional();
    }

    private static Object[] row(DailyDelta d) {
        Usage.Day c = d.counts();
        return new Object[] {c.requests(), c.s2xx(), c.s3xx(), c.s4xx(), c.s5xx(), d.tokenId(), Date.valueOf(c.day())};
    }
}
