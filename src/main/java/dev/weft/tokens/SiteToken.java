package dev.weft.tokens;

import java.time.Instant;
import java.util.Objects;

/** What Weft shows of a site token after it was issued: never the token, only its hint. Its use: {@code usage}. */
public record SiteToken(String id, String siteId, String hint, String createdBy, Instant createdAt) {
    public SiteToken {
        Objects.requireNonNull(id, "id cannot be null");
        Objects.requireNonNull(siteId, "siteId cannot be null");
        Objects.requireNonNull(hint, "hint cannot be null");
        Objects.requireNonNull(createdAt, "createdAt cannot be null");
    }
}
