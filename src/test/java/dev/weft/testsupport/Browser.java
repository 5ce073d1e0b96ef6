package dev.weft.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless browser for tests: Debian's Chromium driven by the system chromedriver through Selenium.
 *
 * <p>Contract: {@link #chromeOrSkip()} starts a fresh headless Chromium ({@code /usr/bin/chromium}, driven by
 * {@code /usr/bin/chromedriver}; nothing is ever downloaded: Selenium Manager is bypassed by giving the driver
 * and browser paths explicitly) with a throw-away profile directory that {@link WebDriver#quit()} deletes.
 * When Chromium or chromedriver is missing the calling test is aborted (reported as skipped, with the reason
 * and how to install them) — unless the environment variable {@code CI} is {@code true}: then it fails, because
 * CI must never silently skip. Callers must {@code quit()} the driver (in {@code @AfterEach} or {@code finally}).
 *
 * <p>The wait helpers wait at most {@link #TIMEOUT}; never use {@code Thread.sleep} in browser tests.
 */
public final class Browser {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final String INSTALL_HINT = "install them with `apt-get update && apt-get install -y chromium chromium-driver`";

    private Browser() {}

    /** A new headless Chromium; skips the test (fails under {@code CI=true}) when Chromium or chromedriver is missing. */
    public static WebDriver chromeOrSkip() {
        requireInstalled(CHROMIUM, "Chromium");
        requireInstalled(CHROMEDRIVER, "chromedriver");
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        Path profile;
        try {
            profile = Files.createTempDirectory("weft-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a Chromium profile directory", e);
        }
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--window-size=1280,900");
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        try {
            return new Chrome(service, options, profile);
        } catch (RuntimeException e) {
            service.stop();
            deleteRecursively(profile);
            throw e;
        }
    }

    /** Quits the driver (null-safe), for {@code @AfterEach}. */
    public static void quit(WebDriver driver) {
        if (driver != null) {
            driver.quit();
        }
    }

    // --- explicit waits ---------------------------------------------------------------------------------

    /** A wait of {@link #TIMEOUT}. */
    public static WebDriverWait waiting(WebDriver driver) {
        return new WebDriverWait(driver, TIMEOUT);
    }

    /** Waits until {@code condition} holds and returns its value. */
    public static <T> T await(WebDriver driver, ExpectedCondition<T> condition) {
        return waiting(driver).until(condition);
    }

    /** Waits until the element is visible and returns it. */
    public static WebElement visible(WebDriver driver, By locator) {
        return await(driver, ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** Waits until the element is visible and enabled, clicks it, and returns it. */
    public static WebElement click(WebDriver driver, By locator) {
        WebElement element = await(driver, ExpectedConditions.elementToBeClickable(locator));
        element.click();
        return element;
    }

    /**
     * Clicks an element that navigates (a link or a submit button) and waits until the next page has replaced
     * the current one and finished loading. Works even when the next page has the same URL (a form that posts
     * back to its own address).
     */
    public static void clickAndWaitForPage(WebDriver driver, By locator) {
        WebElement oldPage = driver.findElement(By.tagName("html"));
        click(driver, locator);
        await(driver, d -> gone(oldPage));
        awaitLoaded(driver);
    }

    /**
     * Whether the element has left the document. Chromium answers a query on a node of a page being replaced
     * either as a stale element or, mid-navigation, as an inspector error that the node "does not belong to
     * the document"; both mean the same here.
     */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** Opens {@code url} and waits until the page has finished loading. */
    public static void open(WebDriver driver, String url) {
        driver.get(url);
        awaitLoaded(driver);
    }

    /** Waits until {@code document.readyState} is {@code complete}. */
    public static void awaitLoaded(WebDriver driver) {
        await(driver, d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /** Waits until the current URL (scheme, host, port, path and query) matches {@code regex}, and returns it. */
    public static String awaitUrl(WebDriver driver, String regex) {
        await(driver, ExpectedConditions.urlMatches("^" + regex + "$"));
        return driver.getCurrentUrl();
    }

    /** Waits until the element's text is not blank, and returns the text. */
    public static String awaitText(WebDriver driver, By locator) {
        return await(driver, d -> {
            var found = d.findElements(locator);
            String text = found.isEmpty() ? "" : found.getFirst().getText();
            return text.isBlank() ? null : text;
        });
    }

    // --- internals ----------------------------------------------------------------------------------------

    private static void requireInstalled(Path executable, String what) {
        if (Files.isRegularFile(executable) && Files.isExecutable(executable)) {
            return;
        }
        String reason = what + " not found at " + executable + " (" + INSTALL_HINT + ")";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(reason + " — CI=true, so failing instead of skipping the browser test");
        }
        Assumptions.abort(reason + ": skipping the browser test");
    }

    private static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("Could not delete " + dir + ": " + e.getMessage());
        }
    }

    /** Chromium whose {@code quit()} also deletes its throw-away profile directory. */
    private static final class Chrome extends ChromeDriver {
        private final Path profile;

        Chrome(ChromeDriverService service, ChromeOptions options, Path profile) {
            super(service, options);
            this.profile = profile;
        }

        @Override
        public void quit() {
            try {
                super.quit();
            } finally {
                deleteRecursively(profile);
            }
        }
    }
}
