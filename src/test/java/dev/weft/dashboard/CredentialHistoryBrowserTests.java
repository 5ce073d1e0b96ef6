package dev.weft.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.accounts.User;
import dev.weft.audit.AuditAction;
import dev.weft.audit.AuditLog;
import dev.weft.sites.Site;
import dev.weft.testsupport.ApiClient;
import dev.weft.testsupport.Browser;
import dev.weft.testsupport.WeftFixtures;
import dev.weft.testsupport.WeftHttpTest;
import dev.weft.tokens.TokenFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * In headless Chromium: the site's owner opens Integrations, sees the leak report (what was revoked, when, the
 * reporter's address, the note shown as text) and the audit log, and pages to its older events.
 */
class CredentialHistoryBrowserTests extends WeftHttpTest {

    @Autowired
    AuditLog audit;

    WebDriver driver;

    @AfterEach
    void quit() {
        Browser.quit(driver);
    }

    @Test
    void theOwnerSeesTheLeakReportAndTheAuditLogAndPagesToOlderEvents() {
        User owner = fixtures.user();
        Site site = fixtures.site(owner);
        String token = fixtures.siteToken(owner, site);
        for (int i = 1; i <= 22; i++) {
            audit.record(site.id(), AuditAction.SCOPES_CHANGED, AuditLog.Actor.user(owner.id(), "192.0.2.1"), null,
                    "older event #" + i, null);
        }
        String note = "Found in a public gist <b>by a scanner</b>";
        var reported = new ApiClient(api().baseUrl(), "127.0.0.9").send("/credentials/revoke", "POST",
                new String[] {"Content-Type", "application/json"},
                "{\"credentials\":[\"" + token + "\"],\"note\":\"" + note.replace("\"", "\\\"") + "\"}");
        assertThat(reported.status()).isEqualTo(202);

        driver = Browser.chromeOrSkip();
        String base = api().baseUrl();
        Browser.open(driver, base + "/login");
        Browser.visible(driver, By.name("username")).sendKeys(owner.email());
        driver.findElement(By.name("password")).sendKeys(WeftFixtures.PASSWORD);
        Browser.clickAndWaitForPage(driver, By.cssSelector("form button[type=submit]"));
        Browser.open(driver, base + "/dashboard/sites/" + site.id() + "/settings/integrations");

        assertThat(Browser.awaitText(driver, By.cssSelector("#reported-leaks .leak-note"))).isEqualTo(note);
        assertThat(driver.findElement(By.cssSelector("#reported-leaks .leak-what")).getText())
                .contains("Site API token").contains(TokenFormat.hint(token));
        assertThat(driver.findElement(By.cssSelector("#reported-leaks .leak-from")).getText()).isEqualTo("127.0.0.9");
        assertThat(driver.findElements(By.cssSelector("#reported-leaks b"))).as("the note is text, not markup").isEmpty();

        WebElement newest = driver.findElement(By.cssSelector("#audit-log .audit-event"));
        assertThat(newest.findElement(By.className("audit-what")).getText()).isEqualTo("Token reported leaked and revoked");
        assertThat(newest.findElement(By.className("audit-who")).getText()).isEqualTo("leak report");
        assertThat(newest.findElement(By.className("audit-from")).getText()).isEqualTo("127.0.0.9");
        assertThat(driver.findElements(By.cssSelector("#audit-log .audit-event"))).hasSize(20);
        assertThat(driver.findElement(By.id("audit-page")).getText()).startsWith("Page 1 of ");

        Browser.clickAndWaitForPage(driver, By.id("audit-older"));

        assertThat(Browser.awaitText(driver, By.id("audit-page"))).startsWith("Page 2 of ");
        assertThat(driver.getCurrentUrl()).contains("auditPage=1");
        assertThat(driver.findElement(By.id("audit-log")).getText()).contains("older event #1")
                .doesNotContain("Token reported leaked and revoked");
        assertThat(driver.findElements(By.id("audit-newer"))).hasSize(1);
    }
}
