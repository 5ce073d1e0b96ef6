package dev.weft.tokens;

import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells every Weft node that a token was revoked, so that no node keeps trusting it from its cache. On
 * PostgreSQL (several stateless nodes) the notice is a {@code NOTIFY} sent in the revoking transaction, so it
 * is delivered exactly when the revocation commits, and each node {@code LISTEN}s on one dedicated
 * connection. On the embedded H2 database there is one node and the local eviction is all there is. A node
 * that loses its listening connection clears its whole token cache when it gets it back, since it may have
 * missed notices in between.
 */
@Component
class RevocationNotices {

    static final String CHANNEL = "weft_token_revocations";
    private static final Logger log = LoggerFactory.getLogger(RevocationNotices.class);

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TokenVerifier verifier;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean postgres;
    private volatile Thread listener;

    RevocationNotices(DataSource dataSource, JdbcClient jdbc, TokenVerifier verifier) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.verifier = verifier;
    }

    /** Inside the revoking transaction: other nodes will evict {@code digest} when it commits. */
    void announce(String digest) {
        if (postgres) {
            jdbc.sql("select pg_notify(?, ?)").params(CHANNEL, digest).query(rs -> {});
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            postgres = c.isWrapperFor(PGConnection.class);
        }
        if (postgres && running.compareAndSet(false, true)) {
            listener = Thread.ofVirtual().name("weft-revocation-listener").start(this::listen);
        }
    }

    @PreDestroy
    void stop() {
        running.set(false);
        Thread t = listener;
        if (t != null) {
            t.interrupt();
        }
    }

    private void listen() {
        boolean first = true;
        while (running.get()) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement s = connection.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                if (!first) {
                    verifier.evictAll(); // notices may have been missed while disconnected
                }
                first = false;
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running.get()) {
                    PGNotification[] notices = pg.getNotifications(1000);
                    if (notices != null) {
                        for (PGNotification notice : notices) {
                            verifier.evict(notice.getParameter());
                        }
                    }
                }
            } catch (SQLException e) {
                if (running.get()) {
                    log.warn("Revocation listener lost its connection ({}); reconnecting", e.getClass().getSimpleName());
                    sleep(Duration.ofSeconds(1));
                }
            }
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
