package dev.weft.system;

import dev.weft.testsupport.PostgresServer;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link CrashSafetyTests} on a real PostgreSQL (a fresh database on the test run's server). Skipped with the
 * reason where PostgreSQL is not installed; fails instead under {@code CI=true}.
 */
@ExtendWith(PostgresServer.Required.class)
class CrashSafetyPostgresTests extends CrashSafetyTests {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    @Override
    protected Map<String, String> databaseEnvironment() {
        PostgresServer server = PostgresServer.shared();
        String url = server.createDatabase("weft_crash_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet());
        return Map.of("WEFT_DATABASE_URL", url, "WEFT_DATABASE_USER", server.username(),
                "WEFT_DATABASE_PASSWORD", server.password());
    }

    @Override
    protected String databaseName() {
        return "PostgreSQL";
    }
}
