package dev.weft.tokens;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What Weft shows of a site token after it was issued: never the token, only its hint. Its use: {@code usage}.
 *
 * @param name null for the site's legacy token (the guide's single token, every scope)
 * @param scopes the Webflow v2 scopes it holds
 * @param expiresAt a fixed expiry chosen at creation, or null (only the idle expiry applies)
 * @param rotation set once the token was rotated (it may still work until {@code rotation.retireAt})
 * @param ended set once the token is dead: when and why
 */
public record SiteToken(String id, String siteId, String name, Set<String> scopes, String hint, String createdBy,
        Instant createdAt, Instant expiresAt, Rotation rotation, Ended ended) {

    public static final String LEGACY_NAME = "Legacy API token";

    /** The token was rotated at {@code at}; it works until {@code retireAt}; calls are counted from then. */
    public record Rotation(Instant at, Instant retireAt, String successorHint, long requestsAtRotation) {}

    /** The token died at {@code at} for {@code reason} (regenerated, rotated, revoked, expired, reported_leaked). */
    public record Ended(Instant at, String reason, String byUserId) {}

    public SiteToken {
        Objects.requireNonNull(id, "id cannot be null");
        Objects.requireNonNull(siteId, "siteId cannot be null");
        Objects.requireNonNull(hint, "hint cannot be null");
        Objects.requireNonNull(createdAt, "createdAt cannot be null");
        scopes = scopes == null ? Set.copyOf(Scopes.ALL) : Set.copyOf(scopes);
    }

    /** A new token: not rotated, not ended. */
    static SiteToken issued(String id, String siteId, String name, Set<String> scopes, String hint, String createdBy,
            Instant createdAt, Instant expiresAt) {
        return new SiteToken(id, siteId, name, scopes, hint, createdBy, createdAt, expiresAt, null, null);
    }

    public boolean legacy() {
        return name == null;
    }

    public boolean live() {
        return ended == null;
    }

    /** Live, but rotated: it works until its overlap ends. */
    public boolean retiring() {
        return ended == null && rotation != null;
    }

    public String displayName() {
        return legacy() ? LEGACY_NAME : name;
    }

    /** How the audit log names it: name and hint. */
    public String label() {
        return displayName() + " " + hint;
    }
}
