package dev.weft.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.sites.SiteDomain;
import dev.weft.sites.SitePublishing;
import dev.weft.system.Ids;
import dev.weft.testsupport.HttpResult;
import dev.weft.testsupport.MutableClock;
import dev.weft.testsupport.SiteTokenHttpTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Custom domains and site publishing over HTTP, v1 and v2. Run on H2 and on PostgreSQL. */
@Import(MutableClock.Config.class)
abstract class PublishingApiTests extends SiteTokenHttpTest {

    static final String DATE = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    @Autowired
    SitePublishing publishing;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;

    SiteDomain www;
    SiteDomain apex;

    @BeforeEach
    void domains() {
        String name = "d" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";
        www = publishing.addDomain(owner.id(), site.id(), "www." + name);
        apex = publishing.addDomain(owner.id(), site.id(), name);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    HttpResult post(String path, String body) {
        return post(path, body, token);
    }

    HttpResult post(String path, String body, String bearer) {
        return api().send(path, "POST", new String[] {"Authorization", "Bearer " + bearer, "Content-Type",
                "application/json"}, body);
    }

    @Test
    void listDomainsV1ReturnsBareArrayOfIdAndName() {
        HttpResult result = api().get("/sites/" + site.id() + "/domains", token);

        assertThat(result.status()).isEqualTo(200);
        JsonNode domains = result.json();
        assertThat(domains.isArray()).isTrue();
        assertThat(domains).hasSize(2);
        assertThat(domains.get(0).get("_id").asString()).isEqualTo(www.id());
        assertThat(domains.get(0).get("name").asString()).isEqualTo(www.name());
        assertThat(domains.get(0).propertyNames()).containsExactlyInAnyOrder("_id", "name");
    }

    @Test
    void listCustomDomainsV2WrapsThemWithLastPublished() {
        HttpResult result = api().get("/v2/sites/" + site.id() + "/custom_domains", token);

        assertThat(result.status()).isEqualTo(200);
        JsonNode domains = result.json().get("customDomains");
        assertThat(domains).hasSize(2);
        assertThat(domains.get(1).get("id").asString()).isEqualTo(apex.id());
        assertThat(domains.get(1).get("url").asString()).isEqualTo(apex.name());
        assertThat(domains.get(1).get("lastPublished").isNull()).isTrue();
    }

    @Test
    void publishV2Answers202AndSetsLastPublishedOfSiteAndDomains() {
        HttpResult result = post("/v2/sites/" + site.id() + "/publish",
                "{\"customDomains\":[\"" + www.id() + "\"],\"publishToWebflowSubdomain\":true}");

        assertThat(result.status()).isEqualTo(202);
        JsonNode body = result.json();
        assertThat(body.get("publishToWebflowSubdomain").asBoolean()).isTrue();
        assertThat(body.get("publishScope").asString()).isEqualTo("site");
        assertThat(body.get("customDomains")).hasSize(1);
        assertThat(body.get("customDomains").get(0).get("id").asString()).isEqualTo(www.id());
        String published = body.get("customDomains").get(0).get("lastPublished").asString();
        assertThat(published).matches(DATE);

        assertThat(api().get("/v2/sites/" + site.id(), token).json().get("lastPublished").asString()).isEqualTo(published);
        assertThat(api().get("/sites/" + site.id(), token).json().get("lastPublished").asString()).isEqualTo(published);
        JsonNode domains = api().get("/v2/sites/" + site.id() + "/custom_domains", token).json().get("customDomains");
        assertThat(domains.get(0).get("lastPublished").asString()).isEqualTo(published);
        assertThat(domains.get(1).get("lastPublished").isNull()).isTrue();
    }

    @Test
    void publishPublishesEveryCmsItemThatIsNeitherDraftNorArchived() {
        String collection = jdbc.sql("select id from cms_collections where site_id = ?").param(site.id())
                .query(String.class).list().getFirst();
        String draft = jdbc.sql("select id from cms_items where collection_id = ? order by id").param(collection)
                .query(String.class).list().getFirst();
        jdbc.sql("update cms_items set is_draft = true where id = ?").param(draft).update();

        assertThat(post("/v2/sites/" + site.id() + "/publish", "{\"publishToWebflowSubdomain\":true}").status())
                .isEqualTo(202);

        var rows = jdbc.sql("select id, published_at from cms_items where collection_id = ?").param(collection)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getTimestamp(2)}).list();
        assertThat(rows).hasSizeGreaterThan(1);
        for (Object[] row : rows) {
            if (row[0].equals(draft)) {
                assertThat(row[1]).as("the draft item").isNull();
            } else {
                assertThat(row[1]).as("item " + row[0]).isNotNull();
            }
        }
    }

    @Test
    void secondPublishV2WithinAMinuteIs429WithRetryAfterAndSucceedsAfterTheMinute() {
        String path = "/v2/sites/" + site.id() + "/publish";
        assertThat(post(path, "{\"publishToWebflowSubdomain\":true}").status()).isEqualTo(202);
        Instant first = Instant.parse(api().get("/v2/sites/" + site.id(), token).json().get("lastPublished").asString());

        HttpResult second = post(path, "{\"customDomains\":[\"" + apex.id() + "\"]}");

        assertThat(second.status()).isEqualTo(429);
        assertThat(second.json().get("code").asString()).isEqualTo("too_many_requests");
        assertThat(Integer.parseInt(second.header("Retry-After"))).isBetween(1, 60);
        assertThat(Instant.parse(api().get("/v2/sites/" + site.id(), token).json().get("lastPublished").asString()))
                .as("the refused publish changed nothing").isEqualTo(first);

        clock.advance(Duration.ofSeconds(61));
        assertThat(post(path, "{\"customDomains\":[\"" + apex.id() + "\"]}").status()).isEqualTo(202);
    }

    @Test
    void publishV2WithUnknownDomainIdsIs400ValidationErrorNamingThem() {
        String unknown = Ids.objectId();

        HttpResult result = post("/v2/sites/" + site.id() + "/publish",
                "{\"customDomains\":[\"" + www.id() + "\",\"" + unknown + "\",\"nope\"]}");

        assertThat(result.status()).isEqualTo(400);
        JsonNode body = result.json();
        assertThat(body.get("code").asString()).isEqualTo("validation_error");
        assertThat(body.get("message").asString()).contains(unknown).contains("nope").doesNotContain(www.id());
        assertThat(body.get("details").get(0).get("param").asString()).isEqualTo("customDomains");
        assertThat(api().get("/v2/sites/" + site.id(), token).json().get("lastPublished").isNull()).isTrue();
    }

    @Test
    void publishV2WithNoTargetIs400() {
        for (String body : new String[] {"{}", "{\"customDomains\":[],\"publishToWebflowSubdomain\":false}", ""}) {
            HttpResult result = post("/v2/sites/" + site.id() + "/publish", body);
            assertThat(result.status()).as(body).isEqualTo(400);
            assertThat(result.json().get("code").asString()).isEqualTo("validation_error");
        }
        HttpResult wrongType = post("/v2/sites/" + site.id() + "/publish", "{\"customDomains\":\"x\"}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().has("code")).isTrue();
    }

    @Test
    void publishV1ByHostNamesAnswersQueued() {
        HttpResult result = post("/sites/" + site.id() + "/publish",
                "{\"domains\":[\"" + apex.name() + "\",\"" + site.shortName() + ".weft.io\"]}");

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.json().get("queued").asBoolean()).isTrue();
        JsonNode domains = api().get("/v2/sites/" + site.id() + "/custom_domains", token).json().get("customDomains");
        assertThat(domains.get(1).get("lastPublished").asString()).matches(DATE);
        assertThat(domains.get(0).get("lastPublished").isNull()).isTrue();
    }

    @Test
    void publishV1WithUnknownHostIsV1ValidationError() {
        HttpResult result = post("/sites/" + site.id() + "/publish", "{\"domains\":[\"elsewhere.example.org\"]}");

        assertThat(result.status()).isEqualTo(400);
        JsonNode body = result.json();
        assertThat(body.get("code").asInt()).isEqualTo(400);
        assertThat(body.get("name").asString()).isEqualTo("ValidationError");
        assertThat(body.get("msg").asString()).contains("elsewhere.example.org");
        assertThat(body.get("problems").get(0).asString()).contains("elsewhere.example.org");
        assertThat(post("/sites/" + site.id() + "/publish", "{}").status()).isEqualTo(400);
    }

    @Test
    void publishNeedsSitesWriteAndDomainListsNeedSitesRead() {
        String readOnly = fixtures.namedToken(owner, site, "read only", "read", "none", null).token();
        String cmsOnly = fixtures.namedToken(owner, site, "cms only", "none", "write", null).token();

        HttpResult v2 = post("/v2/sites/" + site.id() + "/publish", "{\"publishToWebflowSubdomain\":true}", readOnly);
        assertThat(v2.status()).isEqualTo(403);
        assertThat(v2.json().get("code").asString()).isEqualTo("missing_scopes");
        assertThat(post("/sites/" + site.id() + "/publish", "{\"domains\":[]}", readOnly).status()).isEqualTo(403);
        assertThat(api().get("/v2/sites/" + site.id() + "/custom_domains", readOnly).status()).isEqualTo(200);
        assertThat(api().get("/v2/sites/" + site.id() + "/custom_domains", cmsOnly).status()).isEqualTo(403);
        assertThat(api().get("/sites/" + site.id() + "/domains", cmsOnly).status()).isEqualTo(403);
    }
}
