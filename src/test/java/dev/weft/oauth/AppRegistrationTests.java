package dev.weft.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.accounts.Role;
import dev.weft.accounts.User;
import dev.weft.sites.Site;
import dev.weft.testsupport.DashboardSession;
import dev.weft.testsupport.HttpResult;
import dev.weft.testsupport.WeftFixtures;
import dev.weft.testsupport.WeftHttpTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Registering OAuth apps in the dashboard: client secret shown once, digest only, rules for redirect URIs. */
class AppRegistrationTests extends WeftHttpTest {

    private static final Pattern SECRET = Pattern.compile("value=\"(weft_cs_[0-9A-Za-z]{36})\"");
    private static final Pattern APP_ID = Pattern.compile("/dashboard/apps/([0-9a-f]{24})/secret");

    @Autowired
    AppService apps;

    @Autowired
    JdbcClient jdbc;

    User developer;
    String workspaceId;
    DashboardSession browser;

    DashboardSession loggedIn(User user) {
        DashboardSession session = new DashboardSession("http://127.0.0.1:" + port);
        session.logIn(user.email(), WeftFixtures.PASSWORD);
        return session;
    }

    HttpResult register(DashboardSession session, String workspace, String redirectUris, String... scopes) {
        session.get("/dashboard/workspaces/" + workspace + "/apps");
        StringBuilder form = new StringBuilder();
        List<String[]> fields = new ArrayList<>(List.of(new String[] {"name", "Sync Tool"},
                new String[] {"description", "Keeps the CMS in sync"}, new String[] {"homepage", "https://sync.example"},
                new String[] {"redirectUris", redirectUris}));
        for (String scope : scopes) {
            fields.add(new String[] {"scopes", scope});
        }
        return session.postPairs("/dashboard/workspaces/" + workspace + "/apps", fields);
    }

    void developerWithWorkspace() {
        developer = fixtures.user();
        workspaceId = fixtures.personalWorkspace(developer);
        browser = loggedIn(developer);
    }

    @Test
    void registeringShowsTheClientSecretOnceAndStoresOnlyItsDigest() {
        developerWithWorkspace();

        HttpResult page = register(browser, workspaceId, "https://sync.example/callback\nhttp://127.0.0.1:8765/cb",
                "sites:read", "cms:read");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Cache-Control")).contains("no-store");
        String secret = find(page.body(), SECRET);
        String appId = find(page.body(), APP_ID);
        App app = apps.forMember(developer.id(), appId);
        assertThat(app.clientId()).matches("[0-9a-f]{64}");
        assertThat(app.redirectUris()).containsExactly("https://sync.example/callback", "http://127.0.0.1:8765/cb");
        assertThat(app.scopes()).containsExactly("cms:read", "sites:read");
        assertThat(apps.authenticateClient(app.clientId(), secret)).isPresent();

        HttpResult again = browser.get("/dashboard/apps/" + appId);
        assertThat(again.body()).doesNotContain(secret).contains("weft_cs_…" + secret.substring(secret.length() - 4))
                .contains(app.clientId());
        List<Map<String, Object>> rows = jdbc.sql("select * from oauth_apps where id = ?").param(appId).query().listOfRows();
        assertThat(rows.toString()).doesNotContain(secret.substring("weft_cs_".length()));
    }

    @Test
    void redirectUrisMustBeHttpsOrLoopbackHttpWithoutFragment() {
        developerWithWorkspace();
        for (String bad : List.of("http://example.com/cb", "https://example.com/cb#frag", "myapp://callback",
                "/relative/cb", "http://127.0.0.1.example.com/cb", "https://user:pw@example.com/cb", "")) {
            HttpResult page = register(browser, workspaceId, bad, "sites:read");
            assertThat(page.body()).as(bad).containsAnyOf("must be an absolute https:// address", "Register 1 to 10 redirect URIs");
            assertThat(page.body()).as(bad).doesNotContain("weft_cs_");
        }
        for (String good : List.of("http://localhost:3000/cb", "http://[::1]:8080/cb", "http://127.0.0.1/cb", "https://a.example/x?y=1")) {
            assertThat(register(browser, workspaceId, good, "sites:read").body()).as(good).contains("weft_cs_");
        }
    }

    @Test
    void unknownOrMissingScopesAreRejectedByName() {
        developerWithWorkspace();

        assertThat(register(browser, workspaceId, "https://a.example/cb", "sites:read", "openid").body())
                .contains("Unknown scopes: openid");
        assertThat(register(browser, workspaceId, "https://a.example/cb").body()).contains("at least one scope");
    }

    @Test
    void generateNewClientSecretInvalidatesTheOldOneAtOnce() {
        developerWithWorkspace();
        HttpResult page = register(browser, workspaceId, "https://a.example/cb", "sites:read");
        String oldSecret = find(page.body(), SECRET);
        String appId = find(page.body(), APP_ID);
        String clientId = apps.forMember(developer.id(), appId).clientId();

        assertThat(browser.get("/dashboard/apps/" + appId + "/secret").body()).contains("stops working at once");
        String newSecret = find(browser.post("/dashboard/apps/" + appId + "/secret", Map.of()).body(), SECRET);

        assertThat(newSecret).isNotEqualTo(oldSecret);
        assertThat(apps.authenticateClient(clientId, oldSecret)).isEmpty();
        assertThat(apps.authenticateClient(clientId, newSecret)).isPresent();
        assertThat(apps.authenticateClient("0".repeat(64), newSecret)).isEmpty();
    }

    @Test
    void editingAndDeletingAnApp() {
        developerWithWorkspace();
        String appId = find(register(browser, workspaceId, "https://a.example/cb", "sites:read").body(), APP_ID);

        HttpResult saved = browser.postPairs("/dashboard/apps/" + appId, List.of(new String[] {"name", "Renamed"},
                new String[] {"description", ""}, new String[] {"homepage", "https://renamed.example"},
                new String[] {"redirectUris", "https://renamed.example/cb"}, new String[] {"scopes", "cms:write"}));
        assertThat(saved.status()).isEqualTo(302);
        App app = apps.forMember(developer.id(), appId);
        assertThat(app.name()).isEqualTo("Renamed");
        assertThat(app.redirectUris()).containsExactly("https://renamed.example/cb");
        assertThat(app.scopes()).containsExactly("cms:write");

        browser.get("/dashboard/apps/" + appId + "/delete");
        assertThat(browser.post("/dashboard/apps/" + appId + "/delete", Map.of()).status()).isEqualTo(302);
        assertThat(browser.get("/dashboard/apps/" + appId).status()).isEqualTo(404);
    }

    @Test
    void outsidersGet404AndPlainMembersCannotChangeSomeoneElsesApp() {
        developerWithWorkspace();
        String appId = find(register(browser, workspaceId, "https://a.example/cb", "sites:read").body(), APP_ID);
        User outsider = fixtures.user();
        User member = fixtures.user();
        Site site = fixtures.site(developer);
        fixtures.addMember(developer, site, member, Role.MEMBER);

        assertThat(loggedIn(outsider).get("/dashboard/apps/" + appId).status()).isEqualTo(404);
        DashboardSession memberSession = loggedIn(member);
        HttpResult view = memberSession.get("/dashboard/apps/" + appId);
        assertThat(view.status()).isEqualTo(200);
        assertThat(view.body()).doesNotContain("Generate new client secret");
        assertThat(memberSession.get("/dashboard/apps/" + appId + "/secret").status()).isEqualTo(403);
        assertThat(memberSession.post("/dashboard/apps/" + appId + "/delete", Map.of()).status()).isEqualTo(403);
    }

    private static String find(String text, Pattern pattern) {
        Matcher m = pattern.matcher(text);
        assertThat(m.find()).as("pattern %s in response", pattern).isTrue();
        return m.group(1);
    }
}
