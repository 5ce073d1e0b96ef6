package dev.weft.oauth;

import dev.weft.system.LoopbackHosts;
import dev.weft.accounts.AccountService;
import dev.weft.accounts.Role;
import dev.weft.audit.AuditLog;
import dev.weft.system.ForbiddenException;
import dev.weft.system.Ids;
import dev.weft.system.NotFoundException;
import dev.weft.tokens.Scopes;
import dev.weft.tokens.TokenDigester;
import dev.weft.tokens.TokenFormat;
import dev.weft.tokens.TokenKind;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registering OAuth 2.0 apps in a workspace: any member registers one; its creator and the workspace's
 * owners and admins edit it, generate a new client secret (the old one stops working at once) or delete it.
 * The client secret is shown once and stored as a keyed digest.
 */
@Service
public class AppService {

    static final int MAX_REDIRECT_URIS = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AppRepository apps;
    private final AppAuthorizations authorizations;
    private final AccountService accounts;
    private final TokenDigester digester;
    private final Clock clock;

    AppService(AppRepository apps, AppAuthorizations authorizations, AccountService accounts, TokenDigester digester,
            Clock clock) {
        this.apps = apps;
        this.authorizations = authorizations;
        this.accounts = accounts;
        this.digester = digester;
        this.clock = clock;
    }

    /** Registers an app in a workspace the user belongs to; returns it with its client secret. */
    @Transactional
    public RegisteredApp register(String userId, String workspaceId, AppDetails details) {
        accounts.roleIn(userId, workspaceId).orElseThrow(() -> new NotFoundException("The workspace cannot be found."));
        Valid valid = validate(details);
        Instant now = now();
        String secret = TokenFormat.generate(TokenKind.CLIENT_SECRET);
        App app = new App(Ids.objectId(), workspaceId, clientId(), valid.name(), valid.description(), valid.homepage(),
                valid.redirectUris(), valid.scopes(), TokenFormat.hint(secret), now, userId, now, now);
        apps.insert(app, digester.digest(secret));
        return new RegisteredApp(app, secret);
    }

    /** Changes an app's details. */
    @Transactional
    public App update(String userId, String appId, AppDetails details, String clientAddress) {
        App app = forManager(userId, appId);
        Valid valid = validate(details);
        App updated = new App(app.id(), app.workspaceId(), app.clientId(), valid.name(), valid.description(),
                valid.homepage(), valid.redirectUris(), valid.scopes(), app.secretHint(), app.secretCreatedAt(),
                app.createdBy(), app.createdAt(), now());
        apps.update(updated);
        if (!new java.util.HashSet<>(app.scopes()).equals(new java.util.HashSet<>(updated.scopes()))) {
            authorizations.announceScopesChanged(app.id(), app.scopes(), updated.scopes(),
                    AuditLog.Actor.user(userId, clientAddress));
        }
        return updated;
    }

    /** Generate new client secret: the old secret stops working at once. */
    @Transactional
    public RegisteredApp regenerateSecret(String userId, String appId) {
        App app = forManager(userId, appId);
        String secret = TokenFormat.generate(TokenKind.CLIENT_SECRET);
        Instant now = now();
        apps.replaceSecret(app.id(), digester.digest(secret), TokenFormat.hint(secret), now);
        return new RegisteredApp(apps.find(app.id()).orElseThrow(), secret);
    }

    /**
     * Deletes the app (and, with it, every grant it holds); {@code APP_REVOKED} on every site it reached, by the
     * user from {@code clientAddress}.
     */
    @Transactional
    public void delete(String userId, String appId, String clientAddress) {
        App app = forManager(userId, appId);
        // the rows go with the app; every node must drop its tokens
        authorizations.announceAppDeleted(app.id(), AuditLog.Actor.user(userId, clientAddress));
        apps.delete(app.id());
    }

    /** The app whose current client secret has this digest (a leak report), if any. */
    public Optional<App> withSecretDigest(String secretDigest) {
        return apps.findBySecretDigest(secretDigest);
    }

    /** The app, for a member of its workspace; 404 for anyone else. */
    public App forMember(String userId, String appId) {
        App app = apps.find(appId).orElseThrow(() -> new NotFoundException("The app cannot be found."));
        accounts.roleIn(userId, app.workspaceId()).orElseThrow(() -> new NotFoundException("The app cannot be found."));
        return app;
    }

    /** True when the user may edit the app: its creator, or an owner or admin of its workspace. */
    public boolean canManage(String userId, App app) {
        return app.createdBy().equals(userId)
                || accounts.roleIn(userId, app.workspaceId()).map(Role::administersSites).orElse(false);
    }

    public List<App> inWorkspace(String userId, String workspaceId) {
        accounts.roleIn(userId, workspaceId).orElseThrow(() -> new NotFoundException("The workspace cannot be found."));
        return apps.inWorkspace(workspaceId);
    }

    /**
     * The app whose client id and secret these are (constant-time digest comparison), for the token
     * endpoints; empty when either is wrong.
     */
    public Optional<App> authenticateClient(String clientId, String clientSecret) {
        if (clientId == null || clientSecret == null
                || !(TokenFormat.parse(clientSecret) instanceof TokenFormat.Parsed.WellFormed wf)
                || wf.kind() != TokenKind.CLIENT_SECRET) {
            return Optional.empty();
        }
        String digest = digester.digest(clientSecret);
        return apps.secretDigest(clientId)
                .filter(stored -> TokenDigester.matches(stored, digest))
                .flatMap(stored -> apps.findByClientId(clientId));
    }

    private App forManager(String userId, String appId) {
        App app = forMember(userId, appId);
        if (!canManage(userId, app)) {
            throw new ForbiddenException("Only the app's creator and the workspace's owners and admins can change it.");
        }
        return app;
    }

    private record Valid(String name, String description, String homepage, List<String> redirectUris, List<String> scopes) {}

    private static Valid validate(AppDetails details) {
        String name = trim(details.name());
        if (name.isEmpty() || name.length() > 100) {
            throw new AppException("Give the app a name of 1 to 100 characters.");
        }
        String description = trim(details.description());
        if (description.length() > 1000) {
            throw new AppException("Keep the description under 1,000 characters.");
        }
        String homepage = trim(details.homepage());
        if (!isWebUrl(homepage, false)) {
            throw new AppException("The homepage must be an https:// address.");
        }
        LinkedHashSet<String> uris = new LinkedHashSet<>();
        for (String uri : details.redirectUris() == null ? List.<String>of() : details.redirectUris()) {
            String u = trim(uri);
            if (u.isEmpty()) {
                continue;
            }
            if (!isWebUrl(u, true) || u.contains("#")) {
                throw new AppException("Redirect URI '" + shown(u) + "' must be an absolute https:// address "
                        + "(http:// only for loopback addresses) without a fragment.");
            }
            uris.add(u);
        }
        if (uris.isEmpty() || uris.size() > MAX_REDIRECT_URIS) {
            throw new AppException("Register 1 to " + MAX_REDIRECT_URIS + " redirect URIs.");
        }
        LinkedHashSet<String> scopes = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String scope : details.scopes() == null ? List.<String>of() : details.scopes()) {
            String s = trim(scope);
            if (!s.isEmpty()) {
                (Scopes.ALL.contains(s) ? scopes : unknown).add(s);
            }
        }
        if (!unknown.isEmpty()) {
            throw new AppException("Unknown scopes: " + String.join(", ", unknown.stream().map(AppService::shown).toList()));
        }
        if (scopes.isEmpty()) {
            throw new AppException("Choose at least one scope the app may ask for.");
        }
        List<String> ordered = Scopes.ALL.stream().filter(scopes::contains).toList();
        return new Valid(name, description, homepage, List.copyOf(uris), ordered);
    }

    /** https, or http to a loopback address when {@code loopbackHttp} (RFC 8252 §7.3). */
    static boolean isWebUrl(String value, boolean loopbackHttp) {
        try {
            URI uri = new URI(value);
            if (!uri.isAbsolute() || uri.getHost() == null || uri.getUserInfo() != null) {
                return false;
            }
            String scheme = uri.getScheme().toLowerCase();
            if (scheme.equals("https")) {
                return true;
            }
            return loopbackHttp && scheme.equals("http") && LoopbackHosts.isLoopback(uri.getHost());
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String clientId() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }

    private static String shown(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
