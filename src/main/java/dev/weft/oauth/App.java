package dev.weft.oauth;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An OAuth 2.0 app registered in a workspace (Webflow's "Data Client App"). Holds no secret: only the
 * client secret's hint.
 *
 * @param redirectUris the registered redirect URIs, matched exactly
 * @param scopes the Webflow v2 scopes the app may ask for
 */
public record App(
        String id,
        String workspaceId,
        String clientId,
        String name,
        String description,
        String homepage,
        List<String> redirectUris,
        List<String> scopes,
        String secretHint,
        Instant secretCreatedAt,
        String createdBy,
        Instant createdAt,
        Instant updatedAt) {
    public App {
        Objects.requireNonNull(id, "id cannot be null");
        Objects.requireNonNull(workspaceId, "workspaceId cannot be null");
        Objects.requireNonNull(clientId, "clientId cannot be null");
        Objects.requireNonNull(name, "name cannot be null");
        redirectUris = List.copyOf(redirectUris);
        scopes = List.copyOf(scopes);
    }
}
