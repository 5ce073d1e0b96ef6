package dev.weft.leaks;

import java.time.Instant;
import java.util.Objects;

/**
 * One credential a leak report revoked (or, for a client secret, flagged), as a site's owners see it. Holds no
 * secret: the credential appears by id and label (its hint, and its app's name).
 *
 * @param clientAddress the reporter's address
 * @param note the reporter's note, or null
 * @param credentialId the site token's id, the app authorization's id, or the app's id (client secret)
 */
public record LeakReport(String id, Instant reportedAt, String clientAddress, String note, Kind kind,
        String credentialId, String label) {

    public LeakReport {
        Objects.requireNonNull(id, "id cannot be null");
        Objects.requireNonNull(reportedAt, "reportedAt cannot be null");
        Objects.requireNonNull(kind, "kind cannot be null");
    }

    /** What was reported. Stored by {@link #value()}. */
    public enum Kind {
        SITE_TOKEN("site_token", "Site API token"),
        APP_TOKEN("app_token", "App token"),
        CLIENT_SECRET("client_secret", "App client secret");

        private final String value;
        private final String label;

        Kind(String value, String label) {
            this.value = value;
            this.label = label;
        }

        public String value() {
            return value;
        }

        public String label() {
            return label;
        }

        static Kind of(String value) {
            for (Kind k : values()) {
                if (k.value.equals(value)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown credential kind " + value);
        }
    }
}
