package dev.weft.webhooks;

import dev.weft.testsupport.PostgresServer;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link WebhookRestartTests} on a real PostgreSQL. */
@ExtendWith(PostgresServer.Required.class)
class WebhookRestartPostgresTests extends WebhookRestartTests {

    @Override
    protected Map<String, String> databaseEnvironment() {
        PostgresServer server = PostgresServer.shared();
        String url = server.createDatabase("weft_hook_restart_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 100000);
        return Map.of("WEFT_DATABASE_URL", url, "WEFT_DATABASE_USER", server.username(),
                "WEFT_DATABASE_PASSWORD", server.password());
    }
}
