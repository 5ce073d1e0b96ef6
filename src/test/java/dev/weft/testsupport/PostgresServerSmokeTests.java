package dev.weft.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Proves {@link PostgresServer} starts a real PostgreSQL server usable with plain JDBC. */
class PostgresServerSmokeTests {

    private PostgresServer pg;

    @BeforeEach // not @BeforeAll: Surefire does not report class-level aborts as skipped tests
    void startServer() {
        pg = PostgresServer.sharedOrSkip();
    }

    @Test
    void sharedIsASingleton() {
        assertThat(PostgresServer.shared()).isSameAs(pg);
        assertThat(pg.jdbcUrl()).startsWith("jdbc:postgresql://127.0.0.1:");
        assertThat(pg.toString()).doesNotContain(pg.password());
    }

    @Test
    void createInsertSelectOnDefaultDatabase() throws SQLException {
        try (Connection c = connect(pg.jdbcUrl()); var st = c.createStatement()) {
            st.execute("CREATE TABLE smoke (id serial PRIMARY KEY, name text NOT NULL)");
            st.execute("INSERT INTO smoke (name) VALUES ('héllo ✓')");
            try (var rs = st.executeQuery("SELECT name, current_setting('fsync'), "
                    + "current_setting('max_connections'), pg_encoding_to_char(encoding) "
                    + "FROM smoke, pg_database WHERE datname = current_database()")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("héllo ✓");
                assertThat(rs.getString(2)).isEqualTo("on");
                assertThat(rs.getString(3)).isEqualTo("200");
                assertThat(rs.getString(4)).isEqualTo("UTF8");
            }
        }
    }

    @Test
    void createDatabaseGivesAFreshIsolatedDatabase() throws SQLException {
        String url = pg.createDatabase("smoke_isolated");
        assertThat(url).endsWith("/smoke_isolated");
        try (Connection c = connect(url); var st = c.createStatement()) {
            try (var rs = st.executeQuery("SELECT current_database(), count(*) FROM pg_tables WHERE schemaname = 'public'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("smoke_isolated");
                assertThat(rs.getInt(2)).isZero();
            }
            st.execute("CREATE TABLE t (v int)");
            st.execute("INSERT INTO t VALUES (42)");
            try (var rs = st.executeQuery("SELECT v FROM t")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(42);
            }
        }
        assertThatThrownBy(() -> pg.createDatabase("smoke_isolated")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> pg.createDatabase("bad\"name")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void wrongPasswordIsRejected() {
        assertThatThrownBy(() -> DriverManager.getConnection(pg.jdbcUrl(), pg.username(), "wrong"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");
    }

    private Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, pg.username(), pg.password());
    }
}
