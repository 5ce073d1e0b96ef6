package dev.weft.webhooks;

import java.util.Map;

/** {@link WebhookRestartTests} on the default embedded H2 file database in the data directory. */
class WebhookRestartH2Tests extends WebhookRestartTests {

    @Override
    protected Map<String, String> databaseEnvironment() {
        return Map.of();
    }
}
