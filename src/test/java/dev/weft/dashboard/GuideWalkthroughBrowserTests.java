package dev.weft.dashboard;

import static dev.weft.testsupport.Browser.awaitText;
import static dev.weft.testsupport.Browser.awaitUrl;
import static dev.weft.testsupport.Browser.click;
import static dev.weft.testsupport.Browser.clickAndWaitForPage;
import static dev.weft.testsupport.Browser.open;
import static dev.weft.testsupport.Browser.visible;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.accounts.Role;
import dev.weft.accounts.User;
import dev.weft.sites.Site;
import dev.weft.testsupport.Browser;
import dev.weft.testsupport.HttpResult;
import dev.weft.testsupport.WeftFixtures;
import dev.weft.testsupport.WeftHttpTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/**
 * The guide, end to end, in a real (headless Chromium) browser: sign up, create a site from the Grit template,
 * Project Settings → Integrations → API Access, Generate API Token (shown once), call the Data API with it,
 * Generate new API Token (the old one stops working at once). And a workspace member never sees API Access.
 */
class GuideWalkthroughBrowserTests extends WeftHttpTest {

    private static final Pattern SITE_TOKEN = Pattern.compile("weft_site_[0-9A-Za-z]{36}");
    private static final String OBJECT_ID = "[0-9a-f]{24}";
    private static final String RESTRICTED = "Only the workspace's owners and admins";
    private static final String FORBIDDEN_MESSAGE = "Only the workspace's owners and admins can manage API access.";
    private static final String SESSION_COOKIE = "WEFT_SESSION";

    private WebDriver browser;

    @BeforeEach
    void startBrowser() {
        browser = Browser.chromeOrSkip();
    }

    @AfterEach
    void quitBrowser() {
        Browser.quit(browser);
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    @Test
    void guideFromSignUpToARegeneratedApiToken() {
        // 1. Sign up → the dashboard.
        String email = "guide-" + System.nanoTime() + "@example.test";
        open(browser, base() + "/signup");
        visible(browser, By.name("name")).sendKeys("Grace Hopper");
        browser.findElement(By.name("email")).sendKeys(email);
        browser.findElement(By.name("password")).sendKeys(WeftFixtures.PASSWORD);
        clickAndWaitForPage(browser, By.xpath("//button[normalize-space()='Sign up']"));
        awaitUrl(browser, Pattern.quote(base()) + "/dashboard");
        assertThat(visible(browser, By.tagName("h1")).getText()).isEqualTo("Dashboard");

        // 2. Templates → Grit → Use for Free → Create Site → the site's page.
        clickAndWaitForPage(browser, By.xpath("//header//nav//a[normalize-space()='Templates']"));
        awaitUrl(browser, Pattern.quote(base()) + "/templates");
        clickAndWaitForPage(browser, By.xpath("//a[contains(@class,'card')][.//h2[normalize-space()='Grit']]"));
        awaitUrl(browser, Pattern.quote(base()) + "/templates/grit");
        assertThat(visible(browser, By.id("use-for-free")).getText()).isEqualTo("Use for Free");
        clickAndWaitForPage(browser, By.id("use-for-free"));
        awaitUrl(browser, Pattern.quote(base()) + "/dashboard/sites/new\\?template=grit");

        var workspaces = new Select(visible(browser, By.name("workspaceId")));
        assertThat(workspaces.getOptions()).extracting(WebElement::getText).containsExactly("Grace's Workspace");
        workspaces.selectByVisibleText("Grace's Workspace");
        String siteName = "Grace's Grit " + System.nanoTime() % 100_000;
        browser.findElement(By.name("name")).sendKeys(siteName);
        clickAndWaitForPage(browser, By.xpath("//button[normalize-space()='Create Site']"));
        String siteUrl = awaitUrl(browser, Pattern.quote(base()) + "/dashboard/sites/" + OBJECT_ID);
        String siteId = siteUrl.substring(siteUrl.lastIndexOf('/') + 1);
        assertThat(visible(browser, By.tagName("h1")).getText()).isEqualTo(siteName);

        // 3. Project Settings → Integrations → API Access.
        clickAndWaitForPage(browser, By.id("project-settings"));
        awaitUrl(browser, Pattern.quote(siteUrl) + "/settings");
        clickAndWaitForPage(browser, By.xpath("//nav[contains(@class,'settings-nav')]//a[normalize-space()='Integrations']"));
        String integrationsUrl = awaitUrl(browser, Pattern.quote(siteUrl) + "/settings/integrations");
        WebElement apiAccess = visible(browser, By.id("api-access"));
        assertThat(apiAccess.findElement(By.tagName("h2")).getText()).isEqualTo("API Access");
        assertThat(browser.findElements(By.id("api-token"))).isEmpty();
        assertThat(browser.findElements(By.id("generate-new-token"))).isEmpty();

        // 4. Generate API Token → shown once, with the warning and a copy button.
        assertThat(visible(browser, By.id("generate-token")).getText()).isEqualTo("Generate API Token");
        clickAndWaitForPage(browser, By.id("generate-token"));
        WebElement tokenInput = visible(browser, By.id("api-token"));
        assertThat(tokenInput.getDomAttribute("readonly")).as("the token input is readonly").isNotNull();
        String token = tokenInput.getDomProperty("value");
        assertThat(token).matches(SITE_TOKEN);
        assertThat(browser.getCurrentUrl()).doesNotContain(token);
        assertThat(browser.findElement(By.cssSelector("#api-access [role=alert]")).getText())
                .contains("Securely store your API Token");
        WebElement copy = browser.findElement(By.id("copy-token"));
        assertThat(copy.getText()).isEqualTo("Copy to clipboard");
        click(browser, By.id("copy-token"));
        assertThat(awaitText(browser, By.id("copy-status"))).isIn(
                "Copied. Store it somewhere safe: it will not be shown again.",
                "Select the token and copy it (Ctrl+C / Cmd+C).");

        // 5. The Data API answers with the site for this token.
        HttpResult sites = api().get("/sites", token);
        assertThat(sites.status()).as(sites.body()).isEqualTo(200);
        JsonNode list = sites.json();
        assertThat(list.isArray()).isTrue();
        List<JsonNode> matching = new ArrayList<>();
        list.forEach(s -> {
            if (siteId.equals(s.get("_id").asString())) {
                matching.add(s);
            }
        });
        assertThat(matching).as("sites listed for the token: %s", sites.body()).hasSize(1);
        assertThat(matching.getFirst().get("name").asString()).isEqualTo(siteName);

        // 6. Reloaded, the page no longer shows the token, only its hint.
        open(browser, integrationsUrl);
        visible(browser, By.id("api-access"));
        assertThat(browser.getPageSource()).doesNotContain(token);
        assertThat(browser.findElements(By.id("api-token"))).isEmpty();
        assertThat(browser.findElements(By.id("generate-token"))).isEmpty();
        assertThat(visible(browser, By.id("token-hint")).getText())
                .isEqualTo("weft_site_…" + token.substring(token.length() - 4));

        // 7. Generate new API Token → confirmation → a new token, shown once.
        clickAndWaitForPage(browser, By.id("generate-new-token"));
        awaitUrl(browser, Pattern.quote(integrationsUrl) + "/api-token/regenerate");
        assertThat(visible(browser, By.id("regenerate-warning")).getText())
                .contains("break every integration that uses it");
        clickAndWaitForPage(browser, By.id("confirm-regenerate"));
        String newToken = visible(browser, By.id("api-token")).getDomProperty("value");
        assertThat(newToken).matches(SITE_TOKEN).isNotEqualTo(token);
        assertThat(browser.getPageSource()).doesNotContain(token);
        assertThat(browser.findElement(By.cssSelector("#api-access [role=alert]")).getText())
                .contains("Securely store your API Token");
        assertThat(browser.findElement(By.id("token-hint")).getText())
                .isEqualTo("weft_site_…" + newToken.substring(newToken.length() - 4));

        // 8. The old token stopped working at once; the new one works.
        HttpResult withOld = api().get("/sites", token);
        assertThat(withOld.status()).as(withOld.body()).isEqualTo(401);
        HttpResult withNew = api().get("/sites", newToken);
        assertThat(withNew.status()).as(withNew.body()).isEqualTo(200);
        assertThat(withNew.body()).contains(siteId);
    }

    @Test
    void aWorkspaceMemberCannotSeeOrUseApiAccess() {
        User owner = fixtures.user();
        Site site = fixtures.site(owner);
        String ownersToken = fixtures.siteToken(owner, site);
        User member = fixtures.user();
        fixtures.addMember(owner, site, member, Role.MEMBER);

        // The member logs in and opens the site's Integrations page: no API Access section.
        open(browser, base() + "/login");
        visible(browser, By.name("username")).sendKeys(member.email());
        browser.findElement(By.name("password")).sendKeys(WeftFixtures.PASSWORD);
        clickAndWaitForPage(browser, By.xpath("//button[normalize-space()='Log in']"));
        awaitUrl(browser, Pattern.quote(base()) + "/dashboard");
        assertThat(visible(browser, By.linkText(site.name())).isDisplayed()).isTrue();

        String integrationsPath = "/dashboard/sites/" + site.id() + "/settings/integrations";
        open(browser, base() + integrationsPath);
        assertThat(visible(browser, By.tagName("h1")).getText()).isEqualTo("Integrations: " + site.name());
        assertThat(browser.findElements(By.id("api-access"))).isEmpty();
        assertThat(browser.findElements(By.id("generate-token"))).isEmpty();
        assertThat(browser.findElements(By.id("generate-new-token"))).isEmpty();
        assertThat(visible(browser, By.id("api-access-restricted")).getText()).contains(RESTRICTED);
        assertThat(browser.getPageSource()).doesNotContain("weft_site_");

        // Posting the Generate API Token form anyway (with the page's CSRF token) is refused.
        String csrf = browser.findElement(By.cssSelector("form.logout input[name=_csrf]")).getDomProperty("value");
        assertThat(csrf).isNotBlank();
        String session = sessionCookie();
        for (String path : List.of(integrationsPath + "/api-token", integrationsPath + "/api-token/regenerate")) {
            HttpResult refused = api().send(path, "POST", new String[] {
                    "Cookie", SESSION_COOKIE + "=" + session,
                    "Content-Type", "application/x-www-form-urlencoded"},
                    "_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
            assertThat(refused.status()).as("POST %s as a member", path).isEqualTo(403);
            // The role check refused it (not CSRF protection): the dashboard's own 403 page says why.
            assertThat(refused.body().replace("&#39;", "'")).as("POST %s as a member", path).contains(FORBIDDEN_MESSAGE);
            assertThat(refused.body()).doesNotContain("weft_site_");
        }

        // The same, submitted by the browser itself.
        ((JavascriptExecutor) browser).executeScript("""
                const form = document.createElement('form');
                form.method = 'post';
                form.action = arguments[0];
                const csrf = document.createElement('input');
                csrf.type = 'hidden';
                csrf.name = '_csrf';
                csrf.value = arguments[1];
                form.appendChild(csrf);
                form.id = 'forged-generate';
                document.body.appendChild(form);
                """, integrationsPath + "/api-token", csrf);
        var oldPage = browser.findElement(By.tagName("html"));
        ((JavascriptExecutor) browser).executeScript("document.getElementById('forged-generate').submit()");
        Browser.await(browser, ExpectedConditions.stalenessOf(oldPage));
        Browser.awaitLoaded(browser);
        assertThat(visible(browser, By.tagName("h1")).getText()).isEqualTo("403 Forbidden");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains(FORBIDDEN_MESSAGE);
        assertThat(browser.getPageSource()).doesNotContain("weft_site_");

        // The confirmation page of Generate new API Token is refused too.
        open(browser, base() + integrationsPath + "/api-token/regenerate");
        assertThat(visible(browser, By.tagName("h1")).getText()).isEqualTo("403 Forbidden");
        assertThat(browser.findElements(By.id("confirm-regenerate"))).isEmpty();

        // Nothing was generated: the owner's token still works.
        HttpResult stillValid = api().get("/sites", ownersToken);
        assertThat(stillValid.status()).as(stillValid.body()).isEqualTo(200);
        assertThat(stillValid.body()).contains(site.id());
    }

    private String sessionCookie() {
        Cookie cookie = browser.manage().getCookieNamed(SESSION_COOKIE);
        assertThat(cookie).as("the %s cookie of the logged-in browser", SESSION_COOKIE).isNotNull();
        return cookie.getValue();
    }
}
