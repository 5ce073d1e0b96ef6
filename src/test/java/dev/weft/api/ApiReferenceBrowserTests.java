package dev.weft.api;

import static dev.weft.testsupport.Browser.await;
import static dev.weft.testsupport.Browser.awaitText;
import static dev.weft.testsupport.Browser.awaitUrl;
import static dev.weft.testsupport.Browser.click;
import static dev.weft.testsupport.Browser.open;
import static dev.weft.testsupport.Browser.visible;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.accounts.User;
import dev.weft.sites.Site;
import dev.weft.testsupport.Browser;
import dev.weft.testsupport.WeftHttpTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The interactive API reference at /docs, in a real (headless Chromium) browser, as a user would use it: open
 * /docs, pick the v1 definition, Authorize with a site token, expand GET /sites, Try it out, Execute, and read
 * the live response; then switch to the v2 definition. Also asserts the dashboard chain's strict
 * Content-Security-Policy reports no violation while Swagger UI runs.
 */
class ApiReferenceBrowserTests extends WeftHttpTest {

    private static final String V1 = "Data API v1 (1.0.0)";
    private static final String V2 = "Data API v2";

    /** Records every CSP violation of every page the browser opens (installed before the page's own scripts). */
    private static final String RECORD_CSP_VIOLATIONS = """
            window.__cspViolations = [];
            document.addEventListener('securitypolicyviolation', e =>
                window.__cspViolations.push(e.violatedDirective + ' blocked ' + (e.blockedURI || '(inline)')
                    + ' at ' + e.sourceFile + ':' + e.lineNumber));
            """;

    private WebDriver browser;

    @BeforeEach
    void startBrowser() {
        browser = Browser.chromeOrSkip();
        ((HasCdp) browser).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                Map.of("source", RECORD_CSP_VIOLATIONS));
    }

    @AfterEach
    void quitBrowser() {
        Browser.quit(browser);
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    @Test
    void aUserAuthorizesWithASiteTokenAndTriesGetSitesThenBrowsesV2() {
        User owner = fixtures.user();
        Site site = fixtures.site(owner);
        String token = fixtures.siteToken(owner, site);

        try {
            // 1. /docs → Swagger UI, on the v1 definition.
            open(browser, base() + "/docs");
            awaitUrl(browser, Pattern.quote(base()) + "/swagger-ui/index\\.html(\\?.*)?(#.*)?");
            selectDefinition(V1);
            operation("get", "/sites");
            assertThat(visible(browser, By.cssSelector(".information-container .title")).getText())
                    .startsWith("Weft Data API");

            // 2. Authorize → paste the token → Authorize → Close.
            click(browser, By.cssSelector(".scheme-container .btn.authorize"));
            WebElement dialog = visible(browser, By.cssSelector(".dialog-ux .modal-ux"));
            assertThat(dialog.getText()).contains("siteToken").contains("(http, Bearer)");
            WebElement value = visible(browser, By.cssSelector(".modal-ux .auth-container input[type='text']"));
            value.sendKeys(token);
            click(browser, By.cssSelector(".modal-ux .auth-btn-wrapper .btn.modal-btn.authorize"));
            // Once authorized, the dialog says so, offers Logout and masks the value.
            visible(browser, By.cssSelector(".modal-ux .auth-btn-wrapper button[aria-label='Remove authorization']"));
            assertThat(browser.findElement(By.cssSelector(".modal-ux")).getText())
                    .contains("Authorized").doesNotContain(token);
            click(browser, By.cssSelector(".modal-ux .auth-btn-wrapper .btn-done"));
            await(browser, ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-ux")));
            // The top-bar button and the operation's lock now show "locked" (authorized).
            visible(browser, By.cssSelector(".scheme-container .btn.authorize.locked"));
            String getSites = opSelector("get", "/sites");
            visible(browser, By.cssSelector(getSites + " .authorization__btn[aria-label='authorization button locked']"));

            // 3. Expand GET /sites → Try it out → Execute.
            click(browser, By.cssSelector(getSites + " .opblock-summary-control"));
            WebElement tryOut = visible(browser, By.cssSelector(getSites + " .opblock-body .try-out__btn"));
            // springdoc.swagger-ui.try-it-out-enabled=true opens operations already in "Try it out" mode (the
            // button then reads "Cancel"); otherwise click "Try it out".
            if (tryOut.getText().trim().equals("Try it out")) {
                tryOut.click();
            }
            visible(browser, By.cssSelector(getSites + " .try-out__btn.cancel"));
            click(browser, By.cssSelector(getSites + " .btn.execute"));

            // 4. The live response: 200, with the site's id and name; the request carried the bearer token.
            String liveResponse = getSites + " .live-responses-table tbody tr.response";
            assertThat(awaitText(browser, By.cssSelector(liveResponse + " .response-col_status")).trim()).isEqualTo("200");
            String responseBody = awaitText(browser,
                    By.cssSelector(liveResponse + " .response-col_description .highlight-code pre"));
            assertThat(responseBody).contains("\"_id\": \"" + site.id() + "\"")
                    .contains("\"name\": \"" + site.name() + "\"");
            String curl = awaitText(browser, By.cssSelector(getSites + " .curl-command .curl"));
            assertThat(curl).contains("Authorization: Bearer " + token).contains(base() + "/sites");

            // 5. The v2 definition lists GET /v2/sites and GET /v2/token/introspect.
            selectDefinition(V2);
            operation("get", "/v2/sites");
            operation("get", "/v2/token/introspect");
            assertThat(browser.findElements(By.cssSelector(getSites))).isEmpty();

            assertThat(cspViolations()).as("Content-Security-Policy violations in Swagger UI").isEmpty();
        } catch (RuntimeException | AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n(page saved to " + dump() + ")", e);
        }
    }

    /** Picks a definition in Swagger UI's top-bar dropdown (if not already shown) and waits until it is loaded. */
    private void selectDefinition(String name) {
        WebElement dropdown = visible(browser, By.cssSelector(".topbar .download-url-wrapper select"));
        Select definitions = new Select(dropdown);
        if (!definitions.getFirstSelectedOption().getText().equals(name)) {
            definitions.selectByVisibleText(name);
        }
        String group = name.equals(V1) ? "v1" : "v2";
        await(browser, d -> {
            var urls = d.findElements(By.cssSelector(".information-container .info .url"));
            return urls.stream().anyMatch(u -> u.getText().trim().equals("/docs/openapi/" + group));
        });
        await(browser, ExpectedConditions.presenceOfElementLocated(By.cssSelector(".opblock")));
    }

    private static String opSelector(String method, String path) {
        return ".opblock.opblock-" + method + ":has(.opblock-summary-path[data-path='" + path + "'])";
    }

    /** Waits until the operation block is visible and returns it. */
    private WebElement operation(String method, String path) {
        return visible(browser, By.cssSelector(opSelector(method, path)));
    }

    /** The CSP violations recorded on the current page (fails if the recorder was not installed). */
    @SuppressWarnings("unchecked")
    private List<String> cspViolations() {
        Object recorded = ((JavascriptExecutor) browser).executeScript("return window.__cspViolations");
        assertThat(recorded).as("CSP violation recorder installed through CDP").isInstanceOf(List.class);
        return (List<String>) recorded;
    }

    /** Saves the page source and a screenshot for a failed run, and returns where. */
    private String dump() {
        try {
            Path dir = Files.createTempDirectory("weft-api-reference-");
            Files.writeString(dir.resolve("page.html"), browser.getPageSource(), StandardCharsets.UTF_8);
            Files.write(dir.resolve("page.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            Files.writeString(dir.resolve("csp.txt"), String.join("\n", cspViolations()), StandardCharsets.UTF_8);
            return dir.toString();
        } catch (IOException | RuntimeException e) {
            return "nowhere: " + e;
        }
    }
}
