package dev.weft.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Data API settings ({@code weft.api.*}).
 *
 * @param realm the realm of {@code WWW-Authenticate} challenges
 * @param rateLimitPerMinute requests per minute per token, unless the site sets its own
 * @param failedAuthPerMinute failed token attempts per minute from one client address before 429s
 */
@ConfigurationProperties("weft.api")
record ApiProperties(
        @DefaultValue("Weft API") String realm,
        @DefaultValue("60") int rateLimitPerMinute,
        @DefaultValue("30") int failedAuthPerMinute) {}
