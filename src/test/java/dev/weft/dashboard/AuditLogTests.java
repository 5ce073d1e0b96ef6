package dev.weft.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.accounts.Role;
import dev.weft.accounts.User;
import dev.weft.audit.AuditAction;
import dev.weft.audit.AuditEvent;
import dev.weft.audit.AuditLog;
import dev.weft.oauth.AppDetails;
import dev.weft.oauth.AppService;
import dev.weft.oauth.RegisteredApp;
import dev.weft.sites.Site;
import dev.weft.testsupport.ConsentFlow;
import dev.weft.testsupport.DashboardSession;
import dev.weft.testsupport.HttpResult;
import dev.weft.testsupport.WeftFixtures;
import dev.weft.testsupport.WeftHttpTest;
import dev.weft.tokens.TokenDigester;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A site's audit log over real HTTP: apps authorized through the real consent flow and revoked every way an app
 * can lose a site (its Integrations page, the account page, the app itself, a code used twice, the app deleted),
 * each recorded with who, when and from where on the sites it reached; the Integrations page shows it 20 events
 * a page, newest first, to owners and admins only, and keeps it after the app is gone.
 */
abstract class AuditLogTests extends WeftHttpTest {

    static final String REDIRECT = "https://sync.example/callback";

    @Autowired
    AppService apps;
    @Autowired
    AuditLog audit;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TokenDigester digester;

    User developer;
    RegisteredApp app;
    User owner;
    Site site;
    Site sibling;
    DashboardSession ownerSession;
    ConsentFlow flow;

    @BeforeEach
    void ownerWithTwoSitesAndAnApp() {
        developer = fixtures.user();
        app = apps.register(developer.id(), fixtures.personalWorkspace(developer), new AppDetails("Sync Tool",
                "Keeps the CMS in sync", "https://sync.example", List.of(REDIRECT), List.of("sites:read", "cms:read")));
        owner = fixtures.user();
        site = fixtures.site(owner);
        sibling = fixtures.site(owner);
        ownerSession = session(owner);
        flow = new ConsentFlow(api().baseUrl(), app, REDIRECT);
    }

    @Test
    void allowingAnAppForAWorkspaceRecordsAppAuthorizedOnEachOfItsSitesWithTheScopes() {
        User stranger = fixtures.user();
        Site elsewhere = fixtures.site(stranger);

        flow.token(ownerSession, "sites:read cms:read", "workspace:" + site.workspaceId());

        for (Site s : List.of(site, sibling)) {
            assertThat(events(s, AuditAction.APP_AUTHORIZED)).singleElement().satisfies(e -> {
                assertThat(e.actorUserId()).isEqualTo(owner.id());
                assertThat(e.clientAddress()).isEqualTo("127.0.0.1");
                assertThat(e.subjectLabel()).startsWith("Sync Tool");
                assertThat(e.detail()).contains("sites:read").contains("cms:read");
            });
        }
        assertThat(audit.page(stranger.id(), elsewhere.id(), 0).total()).isZero();
        String page = ownerSession.get(integrations(site)).body();
        assertThat(page).contains("id=\"audit-log\"").contains("App authorized").contains(owner.displayName())
                .contains("127.0.0.1").contains("Sync Tool");
    }

    @Test
    void revokingOnTheIntegrationsPageRecordsAppRevokedOnThatSiteByTheOwner() {
        String token = flow.token(ownerSession, "sites:read", "workspace:" + site.workspaceId());

        ownerSession.get(integrations(site));
        HttpResult revoked = ownerSession.post(integrations(site) + "/apps/" + authorizationId(token) + "/revoke", Map.of());

        assertThat(revoked.status()).isEqualTo(302);
        assertThat(events(site, AuditAction.APP_REVOKED)).singleElement().satisfies(e -> {
            assertThat(e.actorUserId()).isEqualTo(owner.id());
            assertThat(e.clientAddress()).isEqualTo("127.0.0.1");
            assertThat(e.detail()).contains("this site");
        });
        assertThat(events(sibling, AuditAction.APP_REVOKED)).as("the sibling keeps the app").isEmpty();
    }

    @Test
    void revokingFromTheAccountPageRecordsAppRevokedOnEverySiteItReached() {
        String token = flow.token(ownerSession, "sites:read", "workspace:" + site.workspaceId());

        ownerSession.get("/dashboard/account");
        ownerSession.post("/dashboard/account/apps/" + authorizationId(token) + "/revoke", Map.of());

        assertThat(api().get("/v2/sites", token).status()).isEqualTo(401);
        for (Site s : List.of(site, sibling)) {
            assertThat(events(s, AuditAction.APP_REVOKED)).singleElement()
                    .satisfies(e -> assertThat(e.actorUserId()).isEqualTo(owner.id()));
        }
    }

    @Test
    void theAppRevokingItsOwnTokenIsRecordedWithTheAppAsTheActor() {
        String token = flow.token(ownerSession, "sites:read", "site:" + site.id());

        assertThat(flow.revoke(token).status()).isEqualTo(200);

        assertThat(events(site, AuditAction.APP_REVOKED)).singleElement().satisfies(e -> {
            assertThat(e.actorUserId()).isNull();
            assertThat(e.actorLabel()).isEqualTo("app Sync Tool");
            assertThat(e.clientAddress()).isEqualTo("127.0.0.1");
            assertThat(e.detail()).isEqualTo("revoked by the app");
        });
    }

    @Test
    void aCodeUsedTwiceIsRecordedAsTheAppsTokenRevoked() {
        String code = flow.code(ownerSession, "sites:read", "site:" + site.id());
        assertThat(flow.exchange(code).status()).isEqualTo(200);

        assertThat(flow.exchange(code).status()).isEqualTo(400);

        assertThat(events(site, AuditAction.APP_REVOKED)).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("used twice"));
    }

    @Test
    void changingTheAppsRegisteredScopesIsRecordedOnTheSitesItsGrantsReach() {
        flow.token(ownerSession, "sites:read", "site:" + site.id());
        DashboardSession developerSession = session(developer);
        developerSession.get("/dashboard/apps/" + app.app().id());

        HttpResult edited = developerSession.postPairs("/dashboard/apps/" + app.app().id(), List.of(
                new String[] {"name", "Sync Tool"}, new String[] {"description", "Keeps the CMS in sync"},
                new String[] {"homepage", "https://sync.example"}, new String[] {"redirectUris", REDIRECT},
                new String[] {"scopes", "sites:read"}, new String[] {"scopes", "cms:read"},
                new String[] {"scopes", "cms:write"}));

        assertThat(edited.status()).isEqualTo(302);
        assertThat(events(site, AuditAction.SCOPES_CHANGED)).singleElement().satisfies(e -> {
            assertThat(e.actorUserId()).isEqualTo(developer.id());
            assertThat(e.clientAddress()).isEqualTo("127.0.0.1");
            assertThat(e.detail()).contains("to cms:read, cms:write, sites:read")
                    .contains("keeps what it was granted");
        });
        assertThat(events(sibling, AuditAction.SCOPES_CHANGED)).as("the app does not reach the sibling").isEmpty();
        assertThat(ownerSession.get(integrations(site)).body()).contains("Scopes changed");
    }

    @Test
    void deletingTheAppIsRecordedAndTheLogIsKeptAfterTheAppAndItsTokenAreGone() {
        flow.token(ownerSession, "sites:read", "site:" + site.id());
        DashboardSession developerSession = session(developer);

        developerSession.get("/dashboard/apps/" + app.app().id() + "/delete");
        HttpResult deleted = developerSession.post("/dashboard/apps/" + app.app().id() + "/delete", Map.of());

        assertThat(deleted.status()).isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from oauth_apps where id = ?").param(app.app().id()).query(Long.class).single())
                .isZero();
        assertThat(events(site, AuditAction.APP_REVOKED)).singleElement().satisfies(e -> {
            assertThat(e.actorUserId()).isEqualTo(developer.id());
            assertThat(e.detail()).isEqualTo("the app was deleted");
        });
        assertThat(events(site, AuditAction.APP_AUTHORIZED)).hasSize(1);
        assertThat(ownerSession.get(integrations(site)).body()).contains("App revoked").contains("App authorized")
                .contains("the app was deleted").contains(developer.displayName());
    }

    @Test
    void theLogIsPagedTwentyEventsAPageNewestFirst() {
        for (int i = 1; i <= 23; i++) {
            audit.record(site.id(), AuditAction.TOKEN_REVOKED, AuditLog.Actor.user(owner.id(), "192.0.2.7"), null,
                    "event #" + i + ";", null);
        }

        String first = ownerSession.get(integrations(site)).body();
        String second = ownerSession.get(integrations(site) + "?auditPage=1").body();

        assertThat(first).contains("event #23;").contains("event #4;").doesNotContain("event #3;")
                .contains("Page 1 of 2").contains("id=\"audit-older\"").doesNotContain("id=\"audit-newer\"");
        assertThat(first.indexOf("event #23;")).isLessThan(first.indexOf("event #22;"));
        assertThat(second).contains("event #3;").contains("event #1;").doesNotContain("event #4;")
                .contains("Page 2 of 2").contains("id=\"audit-newer\"").doesNotContain("id=\"audit-older\"");
        assertThat(first).contains("192.0.2.7");
    }

    @Test
    void membersSeeNoAuditLogAndAre403WhenTheyAskForAPageWhileAdminsSeeIt() {
        User member = fixtures.user();
        User admin = fixtures.user();
        fixtures.addMember(owner, site, member, Role.MEMBER);
        fixtures.addMember(owner, site, admin, Role.ADMIN);
        flow.token(ownerSession, "sites:read", "site:" + site.id());
        DashboardSession memberSession = session(member);

        HttpResult page = memberSession.get(integrations(site));
        HttpResult asked = memberSession.get(integrations(site) + "?auditPage=0");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("id=\"audit-log\"").doesNotContain("App authorized");
        assertThat(asked.status()).isEqualTo(403);
        assertThat(asked.body()).doesNotContain("App authorized");
        assertThat(session(admin).get(integrations(site) + "?auditPage=0").body()).contains("id=\"audit-log\"")
                .contains("App authorized");
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private List<AuditEvent> events(Site s, AuditAction action) {
        return audit.page(owner.id(), s.id(), 0).events().stream().filter(e -> e.action() == action).toList();
    }

    private String authorizationId(String token) {
        return jdbc.sql("select id from oauth_authorizations where token_digest = ?").param(digester.digest(token))
                .query(String.class).single();
    }

    private static String integrations(Site s) {
        return "/dashboard/sites/" + s.id() + "/settings/integrations";
    }

    private DashboardSession session(User user) {
        DashboardSession s = new DashboardSession(api().baseUrl());
        s.logIn(user.email(), WeftFixtures.PASSWORD);
        return s;
    }
}
