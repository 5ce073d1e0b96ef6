package dev.weft.leaks;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Leaked-credential report settings ({@code weft.leaks.*}).
 *
 * @param reportsPerHour reports ({@code POST /credentials/revoke} requests, whatever they hold) one client
 *     address may send an hour, refilled continuously; beyond it 429 with {@code Retry-After}
 */
@ConfigurationProperties("weft.leaks")
record LeakProperties(@DefaultValue("60") int reportsPerHour) {

    LeakProperties {
        if (reportsPerHour < 1) {
            throw new IllegalArgumentException("weft.leaks.reports-per-hour must be at least 1");
        }
    }
}
