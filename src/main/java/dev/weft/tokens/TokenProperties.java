package dev.weft.tokens;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Token settings ({@code weft.tokens.*}).
 *
 * @param pepper base64 key for token digests; empty = generated into the data directory
 * @param cacheTtl how long a verified token is trusted from the in-process cache
 */
@ConfigurationProperties("weft.tokens")
public record TokenProperties(
        String pepper,
        @DefaultValue("30s") Duration cacheTtl) {}
