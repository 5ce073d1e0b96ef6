package dev.weft.oauth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Storage of OAuth apps: client secrets as digests only. */
public interface AppRepository {

    void insert(App app, String secretDigest);

    void update(App app);

    void replaceSecret(String appId, String secretDigest, String hint, Instant at);

    void delete(String appId);

    Optional<App> find(String appId);

    Optional<App> findByClientId(String clientId);

    /** The stored secret digest of the app with this client id. */
    Optional<String> secretDigest(String clientId);

    List<App> inWorkspace(String workspaceId);

    /** The app whose current client secret has this digest (a leak report). */
    Optional<App> findBySecretDigest(String secretDigest);
}
