package dev.weft.dashboard;

import static dev.weft.testsupport.Browser.awaitUrl;
import static dev.weft.testsupport.Browser.click;
import static dev.weft.testsupport.Browser.clickAndWaitForPage;
import static dev.weft.testsupport.Browser.open;
import static dev.weft.testsupport.Browser.visible;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.accounts.User;
import dev.weft.sites.Site;
import dev.weft.testsupport.Browser;
import dev.weft.testsupport.WeftFixtures;
import dev.weft.testsupport.WeftHttpTest;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * API Access's named site tokens in a real (headless Chromium) browser: create one with chosen scopes and see it
 * once; rotate it with a 1-hour overlap (both work, the old one's calls are counted) and then Retire now; revoke.
 */
class SiteTokensBrowserTests extends WeftHttpTest {

    private static final Pattern SITE_TOKEN = Pattern.compile("weft_site_[0-9A-Za-z]{36}");

    private WebDriver browser;
    private User owner;
    private Site site;
    private String integrationsUrl;

    @BeforeEach
    void logInToTheSitesIntegrations() {
        browser = Browser.chromeOrSkip();
        owner = fixtures.user();
        site = fixtures.site(owner);
        String base = "http://127.0.0.1:" + port;
        open(browser, base + "/login");
        visible(browser, By.name("username")).sendKeys(owner.email());
        browser.findElement(By.name("password")).sendKeys(WeftFixtures.PASSWORD);
        clickAndWaitForPage(browser, By.xpath("//button[normalize-space()='Log in']"));
        awaitUrl(browser, Pattern.quote(base) + "/dashboard");
        integrationsUrl = base + "/dashboard/sites/" + site.id() + "/settings/integrations";
        open(browser, integrationsUrl);
    }

    @AfterEach
    void quitBrowser() {
        Browser.quit(browser);
    }

    @Test
    void createANamedTokenWithScopesSeeItOnceThenRotateWithAnOverlapAndRetireNowThenRevoke() {
        // Create: name, Sites read-only, CMS read and write → shown once.
        visible(browser, By.id("new-token-name")).sendKeys("CMS sync");
        new Select(browser.findElement(By.id("access-sites"))).selectByVisibleText("Read-only");
        new Select(browser.findElement(By.id("access-cms"))).selectByVisibleText("Read and write");
        clickAndWaitForPage(browser, By.id("create-token"));
        String token = visible(browser, By.id("api-token")).getDomProperty("value");
        assertThat(token).matches(SITE_TOKEN);
        assertThat(browser.findElement(By.cssSelector("#api-access [role=alert]")).getText())
                .contains("Securely store your API Token").contains("CMS sync");
        assertThat(api().get("/v2/sites", token).status()).isEqualTo(200);
        assertThat(api().get("/user", token).status()).as("no authorized_user:read").isEqualTo(403);

        open(browser, integrationsUrl);
        assertThat(browser.getPageSource()).doesNotContain(token);
        WebElement row = tokenRow("CMS sync");
        String oldId = row.getDomAttribute("id").substring("token-".length());
        assertThat(row.findElement(By.className("token-scopes")).getText()).contains("Sites: Read-only")
                .contains("CMS: Read and write");
        assertThat(row.getText()).contains("weft_site_…" + token.substring(token.length() - 4));

        // Rotate with a 1-hour overlap: a new token, shown once; both work; the old one's calls are counted.
        clickAndWaitForPage(browser, By.id("rotate-" + oldId));
        click(browser, By.id("overlap-1h"));
        clickAndWaitForPage(browser, By.id("confirm-regenerate"));
        String fresh = visible(browser, By.id("api-token")).getDomProperty("value");
        assertThat(fresh).matches(SITE_TOKEN).isNotEqualTo(token);
        assertThat(api().get("/v2/sites", token).status()).isEqualTo(200);
        assertThat(api().get("/v2/sites", token).status()).isEqualTo(200);
        assertThat(api().get("/v2/sites", fresh).status()).isEqualTo(200);
        open(browser, integrationsUrl);
        WebElement overlap = visible(browser, By.id("overlap-" + oldId));
        assertThat(overlap.getText()).contains("keeps working until");
        String calls = Browser.await(browser, d -> { // the last call is counted just after its answer was sent
            d.navigate().refresh();
            String shown = d.findElement(By.cssSelector("#overlap-" + oldId + " .calls-since-rotation")).getText();
            return shown.equals("2") ? shown : null;
        });
        assertThat(calls).isEqualTo("2");

        // Retire now: the old token stops at once and is listed as rotated.
        clickAndWaitForPage(browser, By.id("retire-" + oldId));
        assertThat(api().get("/v2/sites", token).status()).isEqualTo(401);
        assertThat(api().get("/v2/sites", fresh).status()).isEqualTo(200);
        assertThat(visible(browser, By.id("ended-" + oldId)).getText()).contains("rotated");
        assertThat(browser.findElements(By.id("overlap-" + oldId))).isEmpty();

        // Revoke the new one, after confirming.
        String freshId = tokenRow("CMS sync").getDomAttribute("id").substring("token-".length());
        clickAndWaitForPage(browser, By.id("revoke-token-" + freshId));
        assertThat(visible(browser, By.id("revoke-warning")).getText()).contains("stops working at once");
        clickAndWaitForPage(browser, By.id("confirm-revoke"));
        assertThat(visible(browser, By.id("ended-" + freshId)).getText()).contains("revoked by " + owner.displayName());
        assertThat(browser.findElements(By.id("token-" + freshId))).isEmpty();
        assertThat(api().get("/v2/sites", fresh).status()).isEqualTo(401);
    }

    private WebElement tokenRow(String name) {
        return visible(browser, By.xpath("//table[@id='site-tokens']//tr[contains(@class,'token')]"
                + "[.//span[@class='token-name' and normalize-space()='" + name + "']]"));
    }
}
