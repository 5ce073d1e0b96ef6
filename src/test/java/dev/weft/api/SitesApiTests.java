package dev.weft.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.sites.Site;
import dev.weft.testsupport.HttpResult;
import dev.weft.testsupport.SiteTokenHttpTest;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The Sites API over HTTP, v1 and v2, as Webflow's clients call it. Run on H2 and on PostgreSQL. */
abstract class SitesApiTests extends SiteTokenHttpTest {

    static final String DATE = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    @Test
    void listSitesV1ReturnsBareArrayWithTheTokensSite() {
        HttpResult result = api().get("/sites", token);

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.header("Content-Type")).startsWith("application/json");
        JsonNode sites = result.json();
        assertThat(sites.isArray()).isTrue();
        assertThat(sites).hasSize(1);
        JsonNode s = sites.get(0);
        assertThat(s.get("_id").asString()).isEqualTo(site.id()).matches("[0-9a-f]{24}");
        assertThat(s.get("name").asString()).isEqualTo(site.name());
        assertThat(s.get("shortName").asString()).isEqualTo(site.shortName());
        assertThat(s.get("createdOn").asString()).matches(DATE);
        assertThat(Instant.parse(s.get("createdOn").asString())).isEqualTo(site.createdOn());
        assertThat(s.get("lastPublished").isNull()).isTrue();
        assertThat(s.get("timezone").asString()).isEqualTo("Europe/Paris");
        assertThat(s.get("database").asString()).isEqualTo(site.databaseId()).matches("[0-9a-f]{24}");
        assertThat(s.get("previewUrl").asString()).isEqualTo(api().baseUrl() + "/previews/" + site.id() + ".svg");
        assertThat(s.propertyNames()).containsExactlyInAnyOrder(
                "_id", "createdOn", "name", "shortName", "lastPublished", "previewUrl", "timezone", "database");
    }

    @Test
    void previewUrlServesAnImageWithoutAuthentication() {
        String previewUrl = api().get("/sites", token).json().get(0).get("previewUrl").asString();

        HttpResult image = api().get(previewUrl.substring(api().baseUrl().length()), null);

        assertThat(image.status()).isEqualTo(200);
        assertThat(image.header("Content-Type")).startsWith("image/svg+xml");
        assertThat(image.body()).contains("<svg").contains(site.shortName());
    }

    @Test
    void getSiteV1ReturnsTheSite() {
        HttpResult result = api().get("/sites/" + site.id(), token, "Accept-Version", "1.0.0");

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.json().get("_id").asString()).isEqualTo(site.id());
        assertThat(result.json().get("name").asString()).isEqualTo(site.name());
    }

    @Test
    void listSitesV2WrapsSitesInAnObject() {
        HttpResult result = api().get("/v2/sites", token);

        assertThat(result.status()).isEqualTo(200);
        JsonNode sites = result.json().get("sites");
        assertThat(sites).hasSize(1);
        JsonNode s = sites.get(0);
        assertThat(s.get("id").asString()).isEqualTo(site.id());
        assertThat(s.get("workspaceId").asString()).isEqualTo(site.workspaceId());
        assertThat(s.get("displayName").asString()).isEqualTo(site.name());
        assertThat(s.get("shortName").asString()).isEqualTo(site.shortName());
        assertThat(s.get("timeZone").asString()).isEqualTo("Europe/Paris");
        assertThat(s.get("createdOn").asString()).matches(DATE);
        assertThat(s.get("lastUpdated").asString()).matches(DATE);
        assertThat(s.get("lastPublished").isNull()).isTrue();
        assertThat(s.get("parentFolderId").isNull()).isTrue();
        assertThat(s.get("customDomains").isArray()).isTrue();
        assertThat(s.get("locales").get("primary").get("id").asString()).matches("[0-9a-f]{24}");
        assertThat(s.get("locales").get("secondary").isArray()).isTrue();
        assertThat(s.get("dataCollectionType").asString()).isIn("always", "optOut", "disabled");
    }

    @Test
    void getSiteV2ReturnsTheSameSiteAsV1() {
        JsonNode v2 = api().get("/v2/sites/" + site.id(), token).json();
        JsonNode v1 = api().get("/sites/" + site.id(), token).json();

        assertThat(v2.get("id").asString()).isEqualTo(v1.get("_id").asString());
        assertThat(v2.get("displayName").asString()).isEqualTo(v1.get("name").asString());
        assertThat(v2.get("createdOn").asString()).isEqualTo(v1.get("createdOn").asString());
        assertThat(v2.get("previewUrl").asString()).isEqualTo(v1.get("previewUrl").asString());
    }

    @Test
    void siteOfAnotherWorkspaceIsNotFoundExactlyLikeAMissingId() {
        Site other = fixtures.site(fixtures.user(), "blank");
        String missing = "0123456789abcdef01234567";

        for (String prefix : new String[] {"/sites/", "/v2/sites/"}) {
            HttpResult foreign = api().get(prefix + other.id(), token);
            HttpResult absent = api().get(prefix + missing, token);
            assertThat(foreign.status()).isEqualTo(404);
            assertThat(absent.status()).isEqualTo(404);
            assertThat(foreign.body().replace(other.id(), "ID")).isEqualTo(absent.body().replace(missing, "ID"));
        }
        assertThat(api().get("/sites/" + other.id(), token).json().get("name").asString()).isEqualTo("NotFound");
        assertThat(api().get("/v2/sites/" + other.id(), token).json().get("code").asString()).isEqualTo("resource_not_found");
    }

    @Test
    void siteIdThatIsNotAnObjectIdIsNotFound() {
        HttpResult result = api().get("/v2/sites/not-an-id", token);

        assertThat(result.status()).isEqualTo(404);
        assertThat(result.json().get("code").asString()).isEqualTo("resource_not_found");
    }

    @Test
    void getWithJsonContentTypeAndNoBodyAsTheV1SdkSendsIsFine() {
        HttpResult result = api().get("/sites", token, "Content-Type", "application/json", "Accept", "*/*");

        assertThat(result.status()).isEqualTo(200);
    }

    @Test
    void getWithBrokenJsonBodyIsStillAnsweredBecauseGetIgnoresBodies() {
        HttpResult result = api().send("/sites", "GET",
                new String[] {"Authorization", "Bearer " + token, "Content-Type", "application/json"}, "{not json");

        assertThat(result.status()).isEqualTo(200);
    }

    @Test
    void noAcceptOrUserAgentHeaderIsRequired() {
        HttpResult result = api().get("/v2/sites", token, "Accept", "text/html");

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.json().get("sites")).hasSize(1);
    }

    @Test
    void unknownRouteIsNotFoundInTheVersionsFormat() {
        HttpResult v1 = api().get("/sites/" + site.id() + "/nothing-here", token);
        HttpResult v2 = api().get("/v2/nothing-here", token);

        assertThat(v1.status()).isEqualTo(404);
        assertThat(v1.json().get("name").asString()).isEqualTo("NotFound");
        assertThat(v1.json().get("path").asString()).isEqualTo("/sites/" + site.id() + "/nothing-here");
        assertThat(v2.status()).isEqualTo(404);
        assertThat(v2.json().get("code").asString()).isEqualTo("resource_not_found");
    }

    @Test
    void unsupportedMethodIsAnsweredInTheVersionsFormat() {
        HttpResult result = api().send("/v2/sites", "DELETE", new String[] {"Authorization", "Bearer " + token}, null);

        assertThat(result.status()).isEqualTo(405);
        assertThat(result.json().has("code")).isTrue();
        assertThat(result.json().has("message")).isTrue();
    }

    @Test
    void urlsRejectedBeforeAnyHandlerAreStillAnsweredInTheVersionsFormat() {
        String[] paths = {"/v2/sites;jsessionid=abc", "/v2/sites/%2e%2e/sites", "/v2/sites/a%252fb", "/sites//x",
            "/sites/%25", "/v2/sites/%5Cx", "/v2/sites/a%2Fb", "/sites/%2F"};
        for (String path : paths) {
            HttpResult result = api().get(path, token);
            assertThat(result.status()).as(path).isBetween(400, 499);
            assertThat(result.header("Content-Type")).as(path).startsWith("application/json");
            assertThat(result.body()).as(path).doesNotContain("Exception").doesNotContain("<html");
            JsonNode body = result.json();
            if (path.startsWith("/v2/")) {
                assertThat(body.has("code") && body.has("message") && body.has("details")).as(path).isTrue();
            } else {
                assertThat(body.has("msg") && body.has("name") && body.has("err")).as(path).isTrue();
            }
        }
    }
}
