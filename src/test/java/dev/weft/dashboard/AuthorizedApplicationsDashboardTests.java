package dev.weft.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.accounts.Role;
import dev.weft.accounts.User;
import dev.weft.oauth.App;
import dev.weft.sites.Site;
import dev.weft.testsupport.DashboardSession;
import dev.weft.testsupport.HttpResult;
import dev.weft.testsupport.WeftFixtures;
import dev.weft.testsupport.WeftFixtures.AppToken;
import dev.weft.testsupport.WeftHttpTest;
import dev.weft.usage.UsageRecorder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Authorized Applications (issue 4, part 5–6) over HTTP: the site's Integrations page lists each app with
 * access, who authorized it and when, its scopes, last use and usage, and Revoke ends its access to the site;
 * the account page lists every app the user authorized, with Revoke.
 */
class AuthorizedApplicationsDashboardTests extends WeftHttpTest {

    @Autowired
    UsageRecorder recorder;

    User owner;
    Site site;
    Site other;
    App app;
    DashboardSession browser;

    @BeforeEach
    void ownerWithTwoSitesAndAnAppAuthorizedOnTheWorkspace() {
        owner = fixtures.user();
        site = fixtures.site(owner);
        other = fixtures.site(owner);
        app = fixtures.app(fixtures.user());
        browser = new DashboardSession("http://127.0.0.1:" + port);
        browser.logIn(owner.email(), WeftFixtures.PASSWORD);
    }

    String integrations(Site s) {
        return "/dashboard/sites/" + s.id() + "/settings/integrations";
    }

    @Test
    void theIntegrationsPageListsTheAppWithScopesAuthorizerLastUseAndUsage() {
        AppToken token = fixtures.appToken(owner, app, List.of("sites:read", "cms:read"), List.of(site.workspaceId()), List.of());
        api().get("/v2/sites/" + dev.weft.system.Ids.objectId(), token.token());
        for (int i = 0; i < 4; i++) {
            api().send("/v2/sites", "GET", new String[] {"Authorization", "Bearer " + token.token(), "User-Agent", "SyncTool/2.1"}, null);
        }
        recorder.flush();

        String page = browser.get(integrations(site)).body();

        assertThat(page).contains("id=\"app-" + token.authorizationId() + "\"").contains(app.name())
                .contains("https://sync.example").contains("<code>cms:read</code>").contains("<code>sites:read</code>")
                .contains("by " + owner.displayName()).contains("every site of this workspace")
                .contains("SyncTool/2.1").contains("<strong>5</strong> requests").contains("<span>4</span> 2xx")
                .contains("<span>1</span> 4xx").doesNotContain(token.token());
        assertThat(page).doesNotContain("id=\"no-apps\"");
    }

    @Test
    void revokeOnTheIntegrationsPageEndsAccessToThatSiteAtOnceAndKeepsTheOthers() {
        AppToken token = fixtures.appToken(owner, app, List.of("sites:read"), List.of(site.workspaceId()), List.of());
        assertThat(api().get("/v2/sites/" + site.id(), token.token()).status()).isEqualTo(200);
        browser.get(integrations(site));

        HttpResult revoked = browser.post(integrations(site) + "/apps/" + token.authorizationId() + "/revoke", Map.of());

        assertThat(revoked.status()).isEqualTo(302);
        assertThat(revoked.header("Location")).endsWith(integrations(site) + "#authorized-applications");
        assertThat(api().get("/v2/sites/" + site.id(), token.token()).status()).isEqualTo(404);
        assertThat(api().get("/v2/sites/" + other.id(), token.token()).status()).isEqualTo(200);
        assertThat(browser.get(integrations(site)).body()).contains("id=\"no-apps\"");
        assertThat(browser.get(integrations(other)).body()).contains("id=\"app-" + token.authorizationId() + "\"");
    }

    @Test
    void membersCannotSeeOrRevokeAuthorizedApplications() {
        AppToken token = fixtures.appToken(owner, app, List.of("sites:read"), List.of(), List.of(site.id()));
        User member = fixtures.user();
        fixtures.addMember(owner, site, member, Role.MEMBER);
        DashboardSession theirs = new DashboardSession("http://127.0.0.1:" + port);
        theirs.logIn(member.email(), WeftFixtures.PASSWORD);

        assertThat(theirs.get(integrations(site)).body()).contains("api-access-restricted").doesNotContain("app-" + token.authorizationId());
        assertThat(theirs.post(integrations(site) + "/apps/" + token.authorizationId() + "/revoke", Map.of()).status())
                .isEqualTo(403);
        assertThat(api().get("/v2/sites/" + site.id(), token.token()).status()).isEqualTo(200);
    }

    @Test
    void theAccountPageListsEveryAppTheUserAuthorizedAndRevokeEndsTheToken() {
        AppToken onWorkspace = fixtures.appToken(owner, app, List.of("sites:read"), List.of(site.workspaceId()), List.of());
        App second = fixtures.app(fixtures.user());
        AppToken onSite = fixtures.appToken(owner, second, List.of("cms:read"), List.of(), List.of(other.id()));

        String page = browser.get("/dashboard/account").body();

        assertThat(page).contains("id=\"app-" + onWorkspace.authorizationId() + "\"")
                .contains("id=\"app-" + onSite.authorizationId() + "\"").contains(app.name()).contains(second.name())
                .contains(other.name()).contains("(every site, also later ones)");

        HttpResult revoked = browser.post("/dashboard/account/apps/" + onWorkspace.authorizationId() + "/revoke", Map.of());

        assertThat(revoked.status()).isEqualTo(302);
        assertThat(api().get("/v2/sites", onWorkspace.token()).status()).isEqualTo(401);
        assertThat(api().get("/v2/token/introspect", onSite.token()).status()).isEqualTo(200);
        assertThat(browser.get("/dashboard/account").body()).doesNotContain("id=\"app-" + onWorkspace.authorizationId() + "\"");
    }

    @Test
    void anotherUserCannotRevokeSomeoneElsesAuthorizationFromTheAccountPage() {
        AppToken token = fixtures.appToken(owner, app, List.of("sites:read"), List.of(site.workspaceId()), List.of());
        User stranger = fixtures.user();
        DashboardSession theirs = new DashboardSession("http://127.0.0.1:" + port);
        theirs.logIn(stranger.email(), WeftFixtures.PASSWORD);
        theirs.get("/dashboard/account");

        assertThat(theirs.post("/dashboard/account/apps/" + token.authorizationId() + "/revoke", Map.of()).status())
                .isEqualTo(404);
        assertThat(api().get("/v2/sites", token.token()).status()).isEqualTo(200);
    }
}
