package dev.weft.testsupport;

import dev.weft.accounts.AccountService;
import dev.weft.accounts.Role;
import dev.weft.accounts.User;
import dev.weft.sites.Site;
import dev.weft.sites.SiteService;
import dev.weft.oauth.App;
import dev.weft.oauth.AppDetails;
import dev.weft.oauth.AppService;
import dev.weft.system.Ids;
import dev.weft.audit.AuditLog;
import dev.weft.tokens.IssuedToken;
import dev.weft.tokens.NewSiteToken;
import dev.weft.tokens.Overlap;
import dev.weft.tokens.ScopeFamily;
import dev.weft.tokens.SiteTokenService;
import dev.weft.tokens.TokenDigester;
import dev.weft.tokens.TokenFormat;
import dev.weft.tokens.TokenKind;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Builder fixtures for tests: users, sites from templates, site tokens, through the real services. */
@TestComponent
public class WeftFixtures {

    public static final String PASSWORD = "correct horse battery";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final AccountService accounts;
    private final SiteService sites;
    private final SiteTokenService tokens;
    private final AppService apps;
    private final TokenDigester digester;
    private final JdbcClient jdbc;

    WeftFixtures(AccountService accounts, SiteService sites, SiteTokenService tokens, AppService apps,
            TokenDigester digester, JdbcClient jdbc) {
        this.accounts = accounts;
        this.sites = sites;
        this.tokens = tokens;
        this.apps = apps;
        this.digester = digester;
        this.jdbc = jdbc;
    }

    /** An app registered by {@code developer} in their personal workspace, allowed every scope. */
    public App app(User developer) {
        return apps.register(developer.id(), personalWorkspace(developer), new AppDetails("Sync Tool " + COUNTER.incrementAndGet(),
                "Keeps the CMS in sync", "https://sync.example", List.of("https://sync.example/callback"),
                dev.weft.tokens.Scopes.ALL)).app();
    }

    /** An app's access token as the code exchange leaves it: its authorization id and its value. */
    public record AppToken(String authorizationId, String token) {}

    /**
     * An app token of {@code user} for {@code app} with these scopes, reaching whole workspaces and single
     * sites. Written straight into the tables the OAuth flow writes (oauth_authorizations, oauth_grants), for
     * tests of what an app token may do on the API; the flow itself is tested in OAuthFlowTests.
     */
    public AppToken appToken(User user, App app, List<String> scopes, List<String> workspaceIds, List<String> siteIds) {
        String token = TokenFormat.generate(TokenKind.APP);
        String id = Ids.objectId();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                insert into oauth_authorizations (id, app_id, user_id, scopes, token_digest, token_hint, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, app.id(), user.id(), String.join(" ", scopes), digester.digest(token), TokenFormat.hint(token), now)
                .update();
        for (String w : workspaceIds) {
            grant(id, "workspace", w, now);
        }
        for (String s : siteIds) {
            grant(id, "site", s, now);
        }
        return new AppToken(id, token);
    }

    private void grant(String authorizationId, String type, String target, Timestamp at) {
        jdbc.sql("""
                insert into oauth_grants (authorization_id, target_type, target_id, excluded, created_at)
                values (?, ?, ?, false, ?)""")
                .params(authorizationId, type, target, at)
                .update();
    }

    /** A new user with a unique email, password {@link #PASSWORD}, and a personal workspace. */
    public User user() {
        int n = COUNTER.incrementAndGet();
        return accounts.signUp(new AccountService.SignUp(
                "user" + n + "-" + System.nanoTime() + "@example.test", PASSWORD, "Test User" + n));
    }

    public String personalWorkspace(User user) {
        return accounts.memberships(user.id()).getFirst().workspace().id();
    }

    /** A site made from {@code template} in the user's personal workspace. */
    public Site site(User owner, String template) {
        return sites.create(owner.id(), new SiteService.CreateSite(personalWorkspace(owner), template,
                "Site " + COUNTER.incrementAndGet(), "Europe/Paris"));
    }

    public Site site(User owner) {
        return site(owner, "grit");
    }

    /** Generates (or regenerates) the site's API token and returns its value. */
    public String siteToken(User actor, Site site) {
        return tokens.generate(actor.id(), site.id()).token();
    }

    /**
     * A named site token with access {@code sites} and {@code cms} ({@code none}, {@code read}, {@code write}) and an
     * optional expiry date, made by {@code actor} through the real service.
     */
    public IssuedToken namedToken(User actor, Site site, String name, String sites, String cms, LocalDate expiresOn) {
        return tokens.create(AuditLog.Actor.user(actor.id(), "127.0.0.1"), site.id(), new NewSiteToken(name,
                Map.of(ScopeFamily.SITES, ScopeFamily.Access.of(sites), ScopeFamily.CMS, ScopeFamily.Access.of(cms)),
                expiresOn));
    }

    /** Rotates a site token through the real service; the old one works for {@code overlap}. */
    public IssuedToken rotate(User actor, Site site, String tokenId, Overlap overlap) {
        return tokens.rotate(AuditLog.Actor.user(actor.id(), "127.0.0.1"), site.id(), tokenId, overlap);
    }

    /** Retire now: ends a rotated token's overlap. */
    public void retireNow(User actor, Site site, String tokenId) {
        tokens.retireNow(AuditLog.Actor.user(actor.id(), "127.0.0.1"), site.id(), tokenId);
    }

    /** Adds {@code user} to the workspace of {@code site} with {@code role}. */
    public void addMember(User owner, Site site, User user, Role role) {
        accounts.addMember(owner.id(), site.workspaceId(), user.email(), role);
    }
}
