package dev.weft.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.system.Ids;
import dev.weft.testsupport.HttpResult;
import dev.weft.testsupport.SiteTokenHttpTest;
import dev.weft.webhooks.WebhookService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The Webhooks API over HTTP, v1 and v2. Run on H2 and on PostgreSQL. */
abstract class WebhooksApiTests extends SiteTokenHttpTest {

    static final String DATE = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    @Autowired
    WebhookService webhooks;

    HttpResult send(String method, String path, String body, String bearer) {
        return api().send(path, method, new String[] {"Authorization", "Bearer " + bearer, "Content-Type",
                "application/json"}, body);
    }

    HttpResult createV2(String body) {
        return send("POST", "/v2/sites/" + site.id() + "/webhooks", body, token);
    }

    @Test
    void createV2Answers201WithTheWebhookAndGetAndListShowIt() {
        HttpResult created = createV2("{\"triggerType\":\"site_publish\",\"url\":\"https://example.com/hook\"}");

        assertThat(created.status()).isEqualTo(201);
        JsonNode w = created.json();
        assertThat(w.get("id").asString()).matches("[0-9a-f]{24}");
        assertThat(w.get("triggerType").asString()).isEqualTo("site_publish");
        assertThat(w.get("url").asString()).isEqualTo("https://example.com/hook");
        assertThat(w.get("siteId").asString()).isEqualTo(site.id());
        assertThat(w.get("workspaceId").asString()).isEqualTo(site.workspaceId());
        assertThat(w.get("filter").isNull()).isTrue();
        assertThat(w.get("lastTriggered").isNull()).isTrue();
        assertThat(w.get("createdOn").asString()).matches(DATE);
        assertThat(w.propertyNames()).containsExactlyInAnyOrder("id", "triggerType", "url", "workspaceId", "siteId",
                "filter", "lastTriggered", "createdOn");

        HttpResult got = api().get("/v2/webhooks/" + w.get("id").asString(), token);
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.json()).isEqualTo(w);

        HttpResult list = api().get("/v2/sites/" + site.id() + "/webhooks", token);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("webhooks")).hasSize(1);
        assertThat(list.json().get("webhooks").get(0)).isEqualTo(w);
        JsonNode pagination = list.json().get("pagination");
        assertThat(pagination.get("total").asInt()).isEqualTo(1);
        assertThat(pagination.get("offset").asInt()).isZero();
        assertThat(pagination.has("limit")).isTrue();
    }

    @Test
    void deleteV2Answers204AndTheWebhookIsGone() {
        String id = createV2("{\"triggerType\":\"collection_item_created\",\"url\":\"https://example.com/h\"}")
                .json().get("id").asString();

        HttpResult deleted = send("DELETE", "/v2/webhooks/" + id, null, token);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        HttpResult again = api().get("/v2/webhooks/" + id, token);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json().get("code").asString()).isEqualTo("resource_not_found");
        assertThat(send("DELETE", "/v2/webhooks/" + id, null, token).status()).isEqualTo(404);
        assertThat(api().get("/v2/sites/" + site.id() + "/webhooks", token).json().get("webhooks")).isEmpty();
    }

    @Test
    void v1CreateGetListDeleteUseTheV1Shapes() {
        HttpResult created = send("POST", "/sites/" + site.id() + "/webhooks",
                "{\"triggerType\":\"form_submission\",\"url\":\"https://example.com/forms\",\"filter\":{\"name\":\"Contact\"}}",
                token);

        assertThat(created.status()).isEqualTo(200);
        JsonNode w = created.json();
        String id = w.get("_id").asString();
        assertThat(id).matches("[0-9a-f]{24}");
        assertThat(w.get("triggerType").asString()).isEqualTo("form_submission");
        assertThat(w.get("triggerId").asString()).isEqualTo(site.id());
        assertThat(w.get("site").asString()).isEqualTo(site.id());
        assertThat(w.get("createdOn").asString()).matches(DATE);
        assertThat(w.get("filter").get("name").asString()).isEqualTo("Contact");
        assertThat(w.has("lastUsed")).as("never used: left out").isFalse();

        assertThat(api().get("/sites/" + site.id() + "/webhooks/" + id, token).json()).isEqualTo(w);
        JsonNode list = api().get("/sites/" + site.id() + "/webhooks", token).json();
        assertThat(list.isArray()).isTrue();
        assertThat(list).hasSize(1);
        // the same registration through v2
        assertThat(api().get("/v2/webhooks/" + id, token).json().get("filter").get("name").asString()).isEqualTo("Contact");

        HttpResult deleted = send("DELETE", "/sites/" + site.id() + "/webhooks/" + id, null, token);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().get("deleted").asInt()).isEqualTo(1);
        HttpResult gone = api().get("/sites/" + site.id() + "/webhooks/" + id, token);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().get("name").asString()).isEqualTo("NotFound");
    }

    @Test
    void createRefusesBadInputWithValidationErrorsInEachVersionsFormat() {
        String[][] cases = {
                {"{\"triggerType\":\"nope\",\"url\":\"https://example.com/h\"}", "triggerType"},
                {"{\"url\":\"https://example.com/h\"}", "triggerType"},
                {"{\"triggerType\":\"site_publish\"}", "url"},
                {"{\"triggerType\":\"site_publish\",\"url\":\"http://example.com/h\"}", "url"},
                {"{\"triggerType\":\"site_publish\",\"url\":\"ftp://example.com/h\"}", "url"},
                {"{\"triggerType\":\"site_publish\",\"url\":\"not a url\"}", "url"},
                {"{\"triggerType\":\"site_publish\",\"url\":\"https://user:pw@example.com/h\"}", "url"},
                {"{\"triggerType\":\"site_publish\",\"url\":\"https://example.com/h\",\"filter\":{\"name\":\"x\"}}", "filter"},
        };
        for (String[] c : cases) {
            HttpResult v2 = createV2(c[0]);
            assertThat(v2.status()).as(c[0]).isEqualTo(400);
            assertThat(v2.json().get("code").asString()).isEqualTo("validation_error");
            assertThat(v2.json().get("details").get(0).get("param").asString()).as(c[0]).isEqualTo(c[1]);

            HttpResult v1 = send("POST", "/sites/" + site.id() + "/webhooks", c[0], token);
            assertThat(v1.status()).as(c[0]).isEqualTo(400);
            assertThat(v1.json().get("name").asString()).isEqualTo("ValidationError");
            assertThat(v1.json().get("problems").get(0).asString()).startsWith("Field '" + c[1] + "': "); // Webflow's v1 wording
        }
        // v2-only trigger through v1, and nothing at all
        assertThat(send("POST", "/sites/" + site.id() + "/webhooks",
                "{\"triggerType\":\"page_created\",\"url\":\"https://example.com/h\"}", token).status()).isEqualTo(400);
        assertThat(createV2("").status()).isEqualTo(400);
        assertThat(createV2("[1,2]").status()).isEqualTo(400);
        assertThat(createV2("{\"triggerType\":5,\"url\":[]}").status()).isEqualTo(400);
        assertThat(api().get("/v2/sites/" + site.id() + "/webhooks", token).json().get("webhooks")).isEmpty();
    }

    @Test
    void httpIsAllowedToLoopbackAddressesOnly() {
        assertThat(createV2("{\"triggerType\":\"site_publish\",\"url\":\"http://127.0.0.1:9/h\"}").status()).isEqualTo(201);
        assertThat(createV2("{\"triggerType\":\"site_publish\",\"url\":\"http://[::1]:9/h\"}").status()).isEqualTo(201);
        assertThat(createV2("{\"triggerType\":\"site_publish\",\"url\":\"http://localhost/h\"}").status()).isEqualTo(201);
        assertThat(createV2("{\"triggerType\":\"site_publish\",\"url\":\"http://10.0.0.1/h\"}").status()).isEqualTo(400);
        assertThat(createV2("{\"triggerType\":\"site_publish\",\"url\":\"http://localhost.example.com/h\"}").status())
                .isEqualTo(400);
    }

    @Test
    void aSiteHasAtMost75WebhooksPerTriggerType() {
        for (int i = 0; i < 75; i++) {
            webhooks.create(site.id(), new WebhookService.NewWebhook(2, "site_publish", "https://example.com/" + i, null));
        }

        HttpResult refused = createV2("{\"triggerType\":\"site_publish\",\"url\":\"https://example.com/76\"}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("code").asString()).isEqualTo("validation_error");
        assertThat(refused.json().get("message").asString()).contains("75");
        assertThat(createV2("{\"triggerType\":\"collection_item_changed\",\"url\":\"https://example.com/h\"}").status())
                .as("another trigger type").isEqualTo(201);
        assertThat(api().get("/v2/sites/" + site.id() + "/webhooks", token).json().get("pagination").get("total")
                .asInt()).isEqualTo(76);
    }

    @Test
    void readNeedsSitesReadAndCreateOrDeleteNeedSitesWrite() {
        String id = createV2("{\"triggerType\":\"site_publish\",\"url\":\"https://example.com/h\"}").json().get("id").asString();
        String readOnly = fixtures.namedToken(owner, site, "read only", "read", "none", null).token();
        String none = fixtures.namedToken(owner, site, "cms only", "none", "write", null).token();

        assertThat(api().get("/v2/sites/" + site.id() + "/webhooks", readOnly).status()).isEqualTo(200);
        assertThat(api().get("/v2/webhooks/" + id, readOnly).status()).isEqualTo(200);
        assertThat(api().get("/sites/" + site.id() + "/webhooks", readOnly).status()).isEqualTo(200);
        HttpResult create = send("POST", "/v2/sites/" + site.id() + "/webhooks",
                "{\"triggerType\":\"site_publish\",\"url\":\"https://example.com/h\"}", readOnly);
        assertThat(create.status()).isEqualTo(403);
        assertThat(create.json().get("code").asString()).isEqualTo("missing_scopes");
        assertThat(send("DELETE", "/v2/webhooks/" + id, null, readOnly).status()).isEqualTo(403);
        assertThat(send("DELETE", "/sites/" + site.id() + "/webhooks/" + id, null, readOnly).status()).isEqualTo(403);
        assertThat(api().get("/v2/webhooks/" + id, none).status()).isEqualTo(403);
        assertThat(api().get("/v2/webhooks/" + id, token).status()).as("still there").isEqualTo(200);
    }

    @Test
    void anotherSitesWebhookIsTheSame404AsAMissingOne() {
        var otherOwner = fixtures.user();
        var otherSite = fixtures.site(otherOwner);
        String theirs = webhooks.create(otherSite.id(),
                new WebhookService.NewWebhook(2, "site_publish", "https://example.com/theirs", null)).id();
        String missing = Ids.objectId();

        HttpResult a = api().get("/v2/webhooks/" + theirs, token);
        HttpResult b = api().get("/v2/webhooks/" + missing, token);
        assertThat(a.status()).isEqualTo(404);
        assertThat(a.body().replace(theirs, "X")).isEqualTo(b.body().replace(missing, "X"));
        assertThat(send("DELETE", "/v2/webhooks/" + theirs, null, token).status()).isEqualTo(404);
        assertThat(api().get("/sites/" + site.id() + "/webhooks/" + theirs, token).status()).isEqualTo(404);
        assertThat(send("DELETE", "/sites/" + site.id() + "/webhooks/" + theirs, null, token).status()).isEqualTo(404);
        assertThat(webhooks.find(theirs)).as("not deleted").isPresent();
        assertThat(api().get("/v2/webhooks/not-an-id", token).status()).isEqualTo(404);
    }
}
