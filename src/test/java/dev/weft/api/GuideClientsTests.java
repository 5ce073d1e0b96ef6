package dev.weft.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.weft.accounts.User;
import dev.weft.sites.Site;
import dev.weft.system.WebflowDates;
import dev.weft.testsupport.ExternalRuntime;
import dev.weft.testsupport.ExternalRuntime.Run;
import dev.weft.testsupport.WeftHttpTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real-world clients written for Webflow's Data API — the "getting started" guide's curl command, its
 * JavaScript {@code fetch} and Python {@code requests} snippets, and Webflow's official JavaScript SDK
 * {@code webflow-api} 3.3.4 — run as separate OS processes against a running Weft with only the base URL and
 * the token changed (the programs are in {@code src/test/clients}, see its README). Each test checks what the
 * client prints. A missing runtime (curl, node/npm, Debian's python3 with requests) skips the test with the
 * reason, or fails it when {@code CI=true}. The token is never printed: it is redacted from every message.
 */
class GuideClientsTests extends WeftHttpTest {

    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration NPM_CI_TIMEOUT = Duration.ofMinutes(5);
    private static final Pattern WEBFLOW_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
    private static final Pattern STATUS_LINE = Pattern.compile("status=(\\d{3})");
    private static final String SYSTEM_PYTHON = "/usr/bin/python3";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Set once per JVM by {@link #ensureNodeModules()}: true when installed, or the failure to repeat. */
    private static boolean nodeModulesReady;
    private static String nodeModulesFailure;

    private Site site;
    private String token;

    @BeforeEach
    void siteWithToken() {
        User owner = fixtures.user();
        site = fixtures.site(owner);
        token = fixtures.siteToken(owner, site);
    }

    @Test
    void curlFromTheGuideListsTheSite() {
        ExternalRuntime.requireCommand("curl", "apt-get install curl");

        // The guide's command, word for word, with only the URL and the token changed.
        Run run = run(List.of("curl", "--request", "GET", "--url", baseUrl() + "/sites",
                "--header", "accept: application/json", "--header", "authorization: Bearer " + token), null);

        assertThat(run.exitCode()).as(describe(run)).isZero();
        assertSiteList(parseJson(run.stdout(), run), run);
    }

    @Test
    void guideFetchSnippetWithStrayQuoteGets401ExplainingTheQuote() {
        ExternalRuntime.requireCommand("node", "install Node.js 20+, e.g. apt-get install nodejs");

        Run run = run(List.of("node", "guide-fetch.mjs"), clientsDir());

        assertThat(run.exitCode()).as(describe(run)).isZero();
        StatusAndBody answer = statusAndBody(run);
        assertThat(answer.status()).as(describe(run)).isEqualTo(401);
        JsonNode error = answer.body();
        assertThat(error.isObject()).as("a Webflow v1 error object\n" + describe(run)).isTrue();
        assertThat(fieldNames(error)).as(describe(run)).containsExactlyInAnyOrder("msg", "code", "name", "path", "err");
        assertThat(error.path("code").isInt()).as("code is a number\n" + describe(run)).isTrue();
        assertThat(error.path("code").asInt()).as(describe(run)).isEqualTo(401);
        assertThat(error.path("name").asString()).as(describe(run)).isEqualTo("Unauthorized");
        assertThat(error.path("path").asString()).as(describe(run)).isEqualTo("/sites");
        assertThat(error.path("msg").isString()).as("msg is a string\n" + describe(run)).isTrue();
        assertThat(error.path("msg").asString()).as("msg explains the stray quote\n" + describe(run)).contains("quote");
        assertThat(error.path("err").isString()).as("err is a string\n" + describe(run)).isTrue();
        assertThat(error.path("err").asString()).as(describe(run)).startsWith("Unauthorized").contains("quote");
        assertThat(run.stdout()).as("Weft never repeats the token in an error\n" + describe(run)).doesNotContain(token);
    }

    @Test
    void guideFetchSnippetWithTheQuoteRemovedListsTheSite() {
        ExternalRuntime.requireCommand("node", "install Node.js 20+, e.g. apt-get install nodejs");

        Run run = run(List.of("node", "guide-fetch-fixed.mjs"), clientsDir());

        assertThat(run.exitCode()).as(describe(run)).isZero();
        StatusAndBody answer = statusAndBody(run);
        assertThat(answer.status()).as(describe(run)).isEqualTo(200);
        assertSiteList(answer.body(), run);
    }

    @Test
    void guidePythonRequestsSnippetListsTheSite() {
        ExternalRuntime.requireSucceeds(SYSTEM_PYTHON + " with the requests package is needed",
                "apt-get install python3-requests", SYSTEM_PYTHON, "-c", "import requests");

        Run run = run(List.of(SYSTEM_PYTHON, "guide_requests.py"), clientsDir());

        assertThat(run.exitCode()).as(describe(run)).isZero();
        StatusAndBody answer = statusAndBody(run);
        assertThat(answer.status()).as(describe(run)).isEqualTo(200);
        assertSiteList(answer.body(), run);
    }

    @Test
    void officialWebflowSdkListsAndGetsAgainstV2AndSurfacesTheSiteToken403sOfTokenEndpoints() {
        ExternalRuntime.requireCommand("node", "install Node.js 20+, e.g. apt-get install nodejs");
        ExternalRuntime.requireCommand("npm", "install npm, e.g. apt-get install npm");
        ensureNodeModules();

        Run run = run(List.of("node", "sdk-v2.mjs"), clientsDir());

        assertThat(run.exitCode()).as(describe(run)).isZero();
        assertThat(run.stderr()).as("the SDK validated every response without a warning\n" + describe(run))
                .doesNotContain("Failed to validate");
        String[] lines = run.stdout().strip().split("\n");
        assertThat(lines).as("one JSON line on stdout\n" + describe(run)).hasSize(1);
        JsonNode out = parseJson(lines[0], run);

        JsonNode listed = null;
        for (JsonNode s : out.path("list").path("sites")) {
            if (site.id().equals(s.path("id").asString(null))) {
                listed = s;
            }
        }
        assertThat(listed).as("sites.list() contains site " + site.id() + "\n" + describe(run)).isNotNull();
        assertThat(listed.path("displayName").asString(null)).as(describe(run)).isEqualTo(site.name());
        assertThat(listed.path("shortName").asString(null)).as(describe(run)).isEqualTo(site.shortName());

        assertThat(out.path("site").path("id").asString(null)).as("sites.get() returns the same site\n" + describe(run))
                .isEqualTo(site.id());
        assertThat(out.path("site").path("displayName").asString(null)).as(describe(run)).isEqualTo(site.name());

        // A site token may not call /v2/token/* (Webflow's rule): the SDK surfaces authorizedBy's 403 as its
        // ForbiddenError, and introspect's (for which 3.3.4 declares no 403) as a WebflowError with status 403;
        // both carry Weft's v2 error body, which says what to call instead.
        JsonNode authorizedBy = out.path("authorizedBy");
        assertThat(authorizedBy.path("error").asString(null)).as("token.authorizedBy() with a site token\n" + describe(run))
                .isEqualTo("ForbiddenError");
        JsonNode introspect = out.path("introspect");
        assertThat(introspect.path("error").asString(null)).as("token.introspect() with a site token\n" + describe(run))
                .isEqualTo("WebflowError");
        for (JsonNode refused : List.of(authorizedBy, introspect)) {
            assertThat(refused.path("statusCode").asInt()).as(describe(run)).isEqualTo(403);
            assertThat(refused.path("body").path("code").asString(null)).as(describe(run)).isEqualTo("forbidden");
            assertThat(refused.path("body").path("message").asString("")).as(describe(run)).contains("GET /v2/sites");
        }
    }

    // --- the site list, as the v1 clients print it ---------------------------------------------------------

    /** A v1 {@code GET /sites} body: a bare array holding the site in Webflow's v1 shape. */
    private void assertSiteList(JsonNode body, Run run) {
        assertThat(body.isArray()).as("GET /sites (v1) is a bare JSON array\n" + describe(run)).isTrue();
        JsonNode found = null;
        for (JsonNode s : body) {
            if (site.id().equals(s.path("_id").asString(null))) {
                found = s;
            }
        }
        assertThat(found).as("the list contains site " + site.id() + "\n" + describe(run)).isNotNull();
        assertThat(found.path("name").asString(null)).as(describe(run)).isEqualTo(site.name());
        assertThat(found.path("shortName").asString(null)).as(describe(run)).isEqualTo(site.shortName());
        String createdOn = found.path("createdOn").asString(null);
        assertThat(createdOn).as("createdOn as Webflow writes it (UTC, exactly 3 fraction digits)\n" + describe(run))
                .isNotNull().matches(WEBFLOW_DATE);
        assertThat(createdOn).as(describe(run)).isEqualTo(WebflowDates.format(site.createdOn()));
    }

    // --- running the clients -------------------------------------------------------------------------------

    private String baseUrl() {
        return api().baseUrl();
    }

    /** Runs a client with only WEFT_BASE_URL and WEFT_API_TOKEN set on top of the inherited environment. */
    private Run run(List<String> command, Path directory) {
        return ExternalRuntime.run(command, directory, Map.of("WEFT_BASE_URL", baseUrl(), "WEFT_API_TOKEN", token),
                CLIENT_TIMEOUT);
    }

    private String describe(Run run) {
        return run.describe(token);
    }

    private record StatusAndBody(int status, JsonNode body) {}

    /** Output {@code status=<n>} on the first line, then one JSON document. */
    private StatusAndBody statusAndBody(Run run) {
        String stdout = run.stdout().strip();
        int newline = stdout.indexOf('\n');
        Matcher status = STATUS_LINE.matcher(newline < 0 ? stdout : stdout.substring(0, newline).strip());
        if (!status.matches() || newline < 0) {
            fail("expected 'status=<n>' and then a JSON body on stdout\n" + describe(run));
        }
        return new StatusAndBody(Integer.parseInt(status.group(1)), parseJson(stdout.substring(newline + 1), run));
    }

    private JsonNode parseJson(String text, Run run) {
        try {
            return JSON.readTree(text);
        } catch (JacksonException e) {
            return fail("output is not JSON (" + Run.redact(e.getOriginalMessage(), token) + ")\n" + describe(run));
        }
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.propertyNames().forEach(names::add);
        return names;
    }

    /** {@code src/test/clients} of this project: under Maven's basedir (surefire's working directory). */
    private static Path clientsDir() {
        List<Path> candidates = Stream.of(System.getProperty("basedir"), System.getProperty("user.dir"))
                .filter(dir -> dir != null && !dir.isBlank())
                .map(dir -> Path.of(dir).toAbsolutePath().resolve("src/test/clients")).toList();
        return candidates.stream().filter(dir -> Files.isRegularFile(dir.resolve("package.json"))).findFirst()
                .orElseThrow(() -> new AssertionError("src/test/clients/package.json not found under " + candidates));
    }

    /**
     * Installs the SDK ({@code npm ci}, from package-lock.json) into src/test/clients/node_modules when it is not
     * there yet — once per JVM; a failed install fails every SDK test with npm's output without retrying.
     */
    private static synchronized void ensureNodeModules() {
        if (nodeModulesReady) {
            return;
        }
        if (nodeModulesFailure != null) {
            fail(nodeModulesFailure);
        }
        Path dir = clientsDir();
        if (!Files.isRegularFile(dir.resolve("node_modules/webflow-api/package.json"))) {
            Run npm = ExternalRuntime.run(List.of("npm", "ci", "--no-audit", "--no-fund"), dir, Map.of(), NPM_CI_TIMEOUT);
            if (npm.timedOut() || npm.exitCode() != 0
                    || !Files.isRegularFile(dir.resolve("node_modules/webflow-api/package.json"))) {
                nodeModulesFailure = "npm ci in " + dir + " did not install webflow-api\n" + npm.describe();
                fail(nodeModulesFailure);
            }
        }
        nodeModulesReady = true;
    }
}
