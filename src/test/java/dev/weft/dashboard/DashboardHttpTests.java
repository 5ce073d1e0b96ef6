package dev.weft.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.accounts.Role;
import dev.weft.accounts.User;
import dev.weft.sites.Site;
import dev.weft.testsupport.DashboardSession;
import dev.weft.testsupport.HttpResult;
import dev.weft.testsupport.WeftFixtures;
import dev.weft.testsupport.WeftHttpTest;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The dashboard over HTTP: accounts, CSRF, roles, creating sites and API Access. */
class DashboardHttpTests extends WeftHttpTest {

    private static final Pattern TOKEN = Pattern.compile("value=\"(weft_site_[0-9A-Za-z]{36})\"");

    @Autowired
    JdbcClient jdbc;

    DashboardSession session() {
        return new DashboardSession("http://127.0.0.1:" + port);
    }

    static String uniqueEmail() {
        return "dash" + System.nanoTime() + "@example.test";
    }

    @Test
    void signUpCreatesAPersonalWorkspaceAndLogsIn() {
        DashboardSession browser = session();
        String email = uniqueEmail();

        HttpResult signup = browser.signUp("Ada Lovelace", email, "analytical-engine");

        assertThat(signup.status()).isEqualTo(302);
        assertThat(signup.header("Location")).endsWith("/dashboard");
        HttpResult dashboard = browser.get("/dashboard");
        assertThat(dashboard.status()).isEqualTo(200);
        assertThat(dashboard.body()).contains("Ada&#39;s Workspace").contains("owner");
        String hash = jdbc.sql("select password_hash from users where email = ?").param(email).query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain("analytical-engine");
    }

    @Test
    void signUpRejectsShortPasswordAndDuplicateEmailWithAClearMessage() {
        String email = uniqueEmail();
        HttpResult shortPassword = session().signUp("Bob", email, "short");
        assertThat(shortPassword.status()).isEqualTo(200);
        assertThat(shortPassword.body()).contains("at least 8 characters");

        session().signUp("Bob", email, "long-enough-password");
        HttpResult duplicate = session().signUp("Bob Again", email.toUpperCase(), "long-enough-password");
        assertThat(duplicate.body()).contains("already exists");
    }

    @Test
    void formPostWithoutCsrfTokenIsForbidden() {
        DashboardSession browser = session();
        browser.signUp("Eve", uniqueEmail(), "long-enough-password");

        HttpResult result = browser.postRaw("/dashboard/workspaces", Map.of("name", "Sneaky"));

        assertThat(result.status()).isEqualTo(403);
    }

    @Test
    void loginIsThrottledAfterFiveFailuresEvenWithTheRightPassword() {
        User user = fixtures.user();
        for (int i = 0; i < 5; i++) {
            HttpResult failed = session().logIn(user.email(), "wrong-password-" + i);
            assertThat(failed.header("Location")).endsWith("/login?error");
        }

        HttpResult blocked = session().logIn(user.email(), WeftFixtures.PASSWORD);

        assertThat(blocked.header("Location")).endsWith("/login?throttled");
        assertThat(session().get("/login?throttled").body()).contains("Too many failed attempts");
    }

    @Test
    void loginWithTheRightPasswordWorksAndSessionCookieIsHttpOnlyAndSameSite() {
        User user = fixtures.user();
        DashboardSession browser = session();

        HttpResult login = browser.logIn(user.email(), WeftFixtures.PASSWORD);

        assertThat(login.header("Location")).endsWith("/dashboard");
        String cookie = login.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("WEFT_SESSION=")).findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax");
        assertThat(browser.get("/dashboard").status()).isEqualTo(200);
    }

    @Test
    void useForFreeOnGritCreatesASiteWithItsBuiltInCmsCollection() {
        DashboardSession browser = session();
        browser.signUp("Grace", uniqueEmail(), "long-enough-password");
        HttpResult form = browser.get("/dashboard/sites/new?template=grit");
        String workspaceId = find(form.body(), "<option value=\"([0-9a-f]{24})\"");

        long n = System.nanoTime();
        HttpResult created = browser.post("/dashboard/sites",
                Map.of("workspaceId", workspaceId, "template", "grit", "name", "My Grit Shop " + n, "timeZone", "America/New_York"));

        assertThat(created.status()).isEqualTo(302);
        String siteId = find(created.header("Location"), "/dashboard/sites/([0-9a-f]{24})$");
        HttpResult sitePage = browser.get("/dashboard/sites/" + siteId);
        assertThat(sitePage.body()).contains("My Grit Shop").contains("Project Settings").contains("Products").contains("<span>4</span> items");
        assertThat(jdbc.sql("select short_name from sites where id = ?").param(siteId).query(String.class).single())
                .isEqualTo("my-grit-shop-" + n);
    }

    @Test
    void siteOfAnotherUserIsNotFound() {
        Site foreign = fixtures.site(fixtures.user());
        DashboardSession browser = session();
        browser.signUp("Mallory", uniqueEmail(), "long-enough-password");

        assertThat(browser.get("/dashboard/sites/" + foreign.id()).status()).isEqualTo(404);
        assertThat(browser.get("/dashboard/sites/" + foreign.id() + "/settings/integrations").status()).isEqualTo(404);
    }

    @Test
    void generatedTokenIsShownOnceWithNoStoreAndNeverInAUrl() {
        User owner = fixtures.user();
        Site site = fixtures.site(owner);
        DashboardSession browser = session();
        browser.logIn(owner.email(), WeftFixtures.PASSWORD);
        String integrations = "/dashboard/sites/" + site.id() + "/settings/integrations";
        assertThat(browser.get(integrations).body()).contains("Generate API Token").contains("API Access");

        HttpResult generated = browser.post(integrations + "/api-token", Map.of());

        assertThat(generated.status()).isEqualTo(200);
        assertThat(generated.header("Cache-Control")).contains("no-store");
        assertThat(generated.header("Location")).isNull();
        String token = find(generated.body(), TOKEN.pattern());
        assertThat(generated.body()).contains("Securely store your API Token").contains("Copy to clipboard");
        assertThat(api().get("/sites", token).status()).isEqualTo(200);

        HttpResult again = browser.get(integrations);
        assertThat(again.body()).doesNotContain(token).contains("weft_site_…" + token.substring(token.length() - 4))
                .contains("Generate new API Token");
    }

    @Test
    void generateApiTokenWhenOneExistsAsksForConfirmationInsteadOfReplacingIt() {
        User owner = fixtures.user();
        Site site = fixtures.site(owner);
        String token = fixtures.siteToken(owner, site);
        DashboardSession browser = session();
        browser.logIn(owner.email(), WeftFixtures.PASSWORD);
        String integrations = "/dashboard/sites/" + site.id() + "/settings/integrations";
        browser.get(integrations);

        HttpResult result = browser.post(integrations + "/api-token", Map.of());

        assertThat(result.body()).contains("break every").contains("confirm-regenerate");
        assertThat(api().get("/sites", token).status()).isEqualTo(200);
        HttpResult confirmed = browser.post(integrations + "/api-token/regenerate", Map.of());
        String fresh = find(confirmed.body(), TOKEN.pattern());
        assertThat(api().get("/sites", token).status()).isEqualTo(401);
        assertThat(api().get("/sites", fresh).status()).isEqualTo(200);
    }

    @Test
    void memberDoesNotSeeApiAccessAndGets403WhenGenerating() {
        User owner = fixtures.user();
        Site site = fixtures.site(owner);
        User member = fixtures.user();
        fixtures.addMember(owner, site, member, Role.MEMBER);
        DashboardSession browser = session();
        browser.logIn(member.email(), WeftFixtures.PASSWORD);
        String integrations = "/dashboard/sites/" + site.id() + "/settings/integrations";

        HttpResult page = browser.get(integrations);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("id=\"api-access\"").contains("Only the workspace's owners and admins");

        assertThat(browser.post(integrations + "/api-token", Map.of()).status()).isEqualTo(403);
        assertThat(browser.post(integrations + "/api-token/regenerate", Map.of()).status()).isEqualTo(403);
        assertThat(browser.get(integrations + "/api-token/regenerate").status()).isEqualTo(403);
    }

    @Test
    void adminCanGenerateTheToken() {
        User owner = fixtures.user();
        Site site = fixtures.site(owner);
        User admin = fixtures.user();
        fixtures.addMember(owner, site, admin, Role.ADMIN);
        DashboardSession browser = session();
        browser.logIn(admin.email(), WeftFixtures.PASSWORD);
        String integrations = "/dashboard/sites/" + site.id() + "/settings/integrations";
        browser.get(integrations);

        HttpResult generated = browser.post(integrations + "/api-token", Map.of());

        assertThat(generated.status()).isEqualTo(200);
        assertThat(find(generated.body(), TOKEN.pattern())).startsWith("weft_site_");
    }

    @Test
    void logOutEndsTheSession() {
        DashboardSession browser = session();
        browser.signUp("Lin", uniqueEmail(), "long-enough-password");
        browser.get("/dashboard");

        HttpResult logout = browser.post("/logout", Map.of());

        assertThat(logout.header("Location")).endsWith("/login?logout");
        assertThat(browser.get("/dashboard").header("Location")).endsWith("/login");
    }

    @Test
    void dashboardRequiresLogin() {
        HttpResult result = session().get("/dashboard");

        assertThat(result.status()).isEqualTo(302);
        assertThat(result.header("Location")).endsWith("/login");
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("pattern %s in response", regex).isTrue();
        return m.group(1);
    }
}
