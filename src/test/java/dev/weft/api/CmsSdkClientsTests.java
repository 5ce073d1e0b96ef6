package dev.weft.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.testsupport.ExternalRuntime;
import dev.weft.testsupport.ExternalRuntime.Run;
import dev.weft.testsupport.SiteTokenHttpTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webflow's official SDKs against the CMS API: {@code webflow-api} 3.3.4 (v2) and 1.3.1 (v1, installed as
 * {@code webflow-api-v1}) list, create, get, update, publish and delete items (scripts in src/test/clients).
 * Skipped without Node and npm (failing in CI), like {@link GuideClientsTests}.
 */
class CmsSdkClientsTests extends SiteTokenHttpTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static boolean installed;

    @Test
    void officialV2SdkListsCreatesGetsUpdatesPublishesAndDeletesItems() {
        JsonNode out = runScript("sdk-cms-v2.mjs");

        assertThat(out.get("collections").get("collections").get(0).get("displayName").asString()).isEqualTo("Products");
        assertThat(out.get("collection").get("fields").get(0).get("slug").asString()).isEqualTo("name");
        assertThat(out.get("items").get("items")).hasSize(2);
        assertThat(out.get("items").get("pagination").get("total").asInt()).isEqualTo(4);
        String id = out.get("created").get("id").asString();
        assertThat(out.get("created").get("fieldData").get("slug").asString()).isEqualTo("sdk-hoodie");
        assertThat(out.get("got").get("id").asString()).isEqualTo(id);
        assertThat(out.get("updated").get("fieldData").get("price").asInt()).isEqualTo(75);
        assertThat(out.get("updated").get("fieldData").get("name").asString()).isEqualTo("SDK Hoodie");
        assertThat(out.get("published").get("publishedItemIds").get(0).asString()).isEqualTo(id);
        assertThat(out.get("live").get("fieldData").get("price").asInt()).isEqualTo(75);
        assertThat(out.get("afterDelete").get("statusCode").asInt()).isEqualTo(404);
    }

    @Test
    void officialV1SdkListsCreatesGetsUpdatesPatchesPublishesAndRemovesItems() {
        JsonNode out = runScript("sdk-cms-v1.mjs");

        assertThat(out.get("collections").get(0).get("name").asString()).isEqualTo("Products");
        assertThat(out.get("collection").get("fields").get(0).get("slug").asString()).isEqualTo("name");
        assertThat(out.get("items")).hasSize(2);
        String id = out.get("created").get("_id").asString();
        assertThat(out.get("created").get("slug").asString()).isEqualTo("sdk-cap");
        assertThat(out.get("got").get("_id").asString()).isEqualTo(id);
        assertThat(out.get("updated").get("name").asString()).isEqualTo("SDK Cap 2");
        assertThat(out.get("patched").get("price").asInt()).isEqualTo(27);
        assertThat(out.get("patched").get("name").asString()).isEqualTo("SDK Cap 2");
        assertThat(out.get("published").get("publishedItemIds").get(0).asString()).isEqualTo(id);
        assertThat(out.get("removed").get("deleted").asInt()).isEqualTo(1);
        assertThat(api().get("/collections/" + out.get("collections").get(0).get("_id").asString() + "/items/" + id,
                token).status()).isEqualTo(404);
    }

    private JsonNode runScript(String script) {
        ExternalRuntime.requireCommand("node", "install Node.js 20+, e.g. apt-get install nodejs");
        ExternalRuntime.requireCommand("npm", "install npm, e.g. apt-get install npm");
        Path dir = clientsDir();
        ensureInstalled(dir);
        Run run = ExternalRuntime.run(List.of("node", script), dir, Map.of("WEFT_BASE_URL", "http://127.0.0.1:" + port,
                "WEFT_API_TOKEN", token, "WEFT_SITE_ID", site.id()), Duration.ofSeconds(60));
        assertThat(run.exitCode()).as(run.describe(token)).isZero();
        assertThat(run.stderr()).as("the SDK validated every response without a warning\n" + run.describe(token))
                .doesNotContain("Failed to validate");
        String[] lines = run.stdout().strip().split("\n");
        return JSON.readTree(lines[lines.length - 1]);
    }

    private static synchronized void ensureInstalled(Path dir) {
        if (installed) {
            return;
        }
        if (!Files.isRegularFile(dir.resolve("node_modules/webflow-api-v1/package.json"))
                || !Files.isRegularFile(dir.resolve("node_modules/webflow-api/package.json"))) {
            Run npm = ExternalRuntime.run(List.of("npm", "ci", "--no-audit", "--no-fund"), dir, Map.of(),
                    Duration.ofMinutes(5));
            assertThat(npm.exitCode()).as("npm ci in " + dir + "\n" + npm.describe()).isZero();
        }
        installed = true;
    }

    private static Path clientsDir() {
        return Stream.of(System.getProperty("basedir"), System.getProperty("user.dir"))
                .filter(d -> d != null && !d.isBlank())
                .map(d -> Path.of(d).toAbsolutePath().resolve("src/test/clients"))
                .filter(d -> Files.isRegularFile(d.resolve("package.json")))
                .findFirst().orElseThrow(() -> new AssertionError("src/test/clients/package.json not found"));
    }
}
