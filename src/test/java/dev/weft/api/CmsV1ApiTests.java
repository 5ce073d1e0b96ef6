package dev.weft.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.cms.CmsItemEvent;
import dev.weft.sites.Site;
import dev.weft.testsupport.HttpResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The CMS Data API v1 over HTTP: flat items, {@code {fields}} bodies, 200 everywhere. H2 and PostgreSQL. */
abstract class CmsV1ApiTests extends CmsHttpTest {

    @Test
    void listCollectionsIsABareArrayOfV1Collections() {
        HttpResult result = call("GET", "/sites/" + site.id() + "/collections", null);

        assertThat(result.status()).isEqualTo(200);
        JsonNode collections = result.json();
        assertThat(collections.isArray()).isTrue();
        assertThat(collections).hasSize(2);
        assertThat(collections.get(0).propertyNames()).containsExactlyInAnyOrder(
                "_id", "lastUpdated", "createdOn", "name", "slug", "singularName");
        assertThat(collections.get(0).get("_id").asString()).isEqualTo(products.id());
        assertThat(collections.get(0).get("slug").asString()).isEqualTo("products");
    }

    @Test
    void getCollectionShowsFieldsWithV1TypeNames() {
        HttpResult result = call("GET", "/collections/" + catalogue.id(), null);

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.json().get("_id").asString()).isEqualTo(catalogue.id());
        List<String> types = new ArrayList<>();
        result.json().get("fields").forEach(f -> types.add(f.get("type").asString()));
        assertThat(types).contains("PlainText", "RichText", "ImageRef", "Set", "Number", "Bool", "Date", "Link",
                "Video", "Email", "Phone", "Color", "Option", "ItemRef", "ItemRefSet", "ExtFileRef");
        JsonNode name = result.json().get("fields").get(0);
        assertThat(name.propertyNames()).contains("id", "type", "slug", "name", "required", "editable");
        assertThat(name.get("required").asBoolean()).isTrue();
        assertThat(name.get("validations").get("maxLength").asInt()).isEqualTo(256);
    }

    @Test
    void listItemsHasTheV1EnvelopeAndFlatItems() {
        HttpResult result = call("GET", "/collections/" + products.id() + "/items?limit=3&offset=1", null);

        assertThat(result.status()).isEqualTo(200);
        JsonNode body = result.json();
        assertThat(body.propertyNames()).containsExactlyInAnyOrder("items", "count", "limit", "offset", "total");
        assertThat(body.get("count").asInt()).isEqualTo(3);
        assertThat(body.get("limit").asInt()).isEqualTo(3);
        assertThat(body.get("offset").asInt()).isEqualTo(1);
        assertThat(body.get("total").asInt()).isEqualTo(4);
        JsonNode item = body.get("items").get(0);
        assertThat(item.propertyNames()).contains("_archived", "_draft", "_id", "_cid", "name", "slug", "created-on",
                "updated-on", "created-by", "updated-by", "published-on", "published-by", "price", "color");
        assertThat(item.get("_cid").asString()).isEqualTo(products.id());
        assertThat(item.get("slug").asString()).isEqualTo("raw-denim-jacket");
        assertThat(item.get("created-on").asString()).matches(DATE);
    }

    @Test
    void getItemIsTheListEnvelopeWithOneItem() {
        String id = productId("wool-trench");

        HttpResult result = call("GET", "/collections/" + products.id() + "/items/" + id, null);

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.json().get("count").asInt()).isEqualTo(1);
        assertThat(result.json().get("items").get(0).get("_id").asString()).isEqualTo(id);
        assertThat(call("GET", "/collections/" + products.id() + "/items/" + MISSING, null).json().get("name").asString())
                .isEqualTo("NotFound");
    }

    @Test
    void badLimitOrOffsetIsAValidationError() {
        for (String query : List.of("?limit=500", "?limit=0", "?offset=x")) {
            HttpResult result = call("GET", "/collections/" + products.id() + "/items" + query, null);
            assertThat(result.status()).as(query).isEqualTo(400);
            assertThat(result.json().get("name").asString()).isEqualTo("ValidationError");
            assertThat(result.json().get("problems")).hasSize(1);
        }
    }

    @Test
    void createItemAnswers200WithTheFlatItemAndWhoMadeIt() {
        HttpResult result = call("POST", "/collections/" + products.id() + "/items",
                "{\"fields\":{\"name\":\"Cord Trousers\",\"slug\":\"cord-trousers\",\"_archived\":false,\"_draft\":false,\"price\":99}}");

        assertThat(result.status()).isEqualTo(200);
        JsonNode item = result.json();
        assertThat(item.get("_draft").asBoolean()).isFalse();
        assertThat(item.get("_archived").asBoolean()).isFalse();
        assertThat(item.get("price").asInt()).isEqualTo(99);
        assertThat(item.get("created-by").asString()).isEqualTo("Person_" + owner.id());
        assertThat(item.get("published-on").isNull()).isTrue();
        assertThat(events.about(item.get("_id").asString())).extracting(r -> r.event().triggerType())
                .containsExactly(CmsItemEvent.CREATED);
    }

    @Test
    void createLiveIsPublishedAtOnce() {
        HttpResult result = call("POST", "/collections/" + products.id() + "/items?live=true",
                "{\"fields\":{\"name\":\"Beanie\"}}");

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.json().get("published-on").asString()).matches(DATE);
        assertThat(result.json().get("published-by").asString()).isEqualTo("Person_" + owner.id());
    }

    @Test
    void duplicateSlugIsAValidationErrorWithProblems() {
        HttpResult result = call("POST", "/collections/" + products.id() + "/items",
                "{\"fields\":{\"name\":\"X\",\"slug\":\"canvas-tote\",\"nope\":1}}");

        assertThat(result.status()).isEqualTo(400);
        JsonNode body = result.json();
        assertThat(body.get("name").asString()).isEqualTo("ValidationError");
        assertThat(body.get("code").asInt()).isEqualTo(400);
        assertThat(body.get("err").asString()).startsWith("ValidationError: ");
        List<String> problems = new ArrayList<>();
        body.get("problems").forEach(p -> problems.add(p.asString()));
        assertThat(problems).containsExactlyInAnyOrder("Field 'slug': Unique value is already in database: 'canvas-tote'",
                "Field 'nope': Field not described in schema: nope");
    }

    @Test
    void bodyWithoutFieldsOrWithBrokenJsonIsRefused() {
        HttpResult noFields = call("POST", "/collections/" + products.id() + "/items", "{\"name\":\"X\"}");
        HttpResult broken = call("POST", "/collections/" + products.id() + "/items", "{\"fields\":");

        assertThat(noFields.status()).isEqualTo(400);
        assertThat(noFields.json().get("name").asString()).isEqualTo("ValidationError");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.json().get("name").asString()).isEqualTo("SyntaxError");
    }

    @Test
    void putReplacesEveryFieldAndPatchOnlyTheOnesSent() {
        String id = productId("linen-overshirt");
        String path = "/collections/" + products.id() + "/items/" + id;

        JsonNode patched = call("PATCH", path, "{\"fields\":{\"price\":95}}").json();
        assertThat(patched.get("price").asInt()).isEqualTo(95);
        assertThat(patched.get("color").asString()).isEqualTo("#d6c7a1");

        HttpResult put = call("PUT", path, "{\"fields\":{\"name\":\"Linen Shirt\",\"slug\":\"linen-shirt\",\"_archived\":false,\"_draft\":true}}");
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.json().get("name").asString()).isEqualTo("Linen Shirt");
        assertThat(put.json().get("_draft").asBoolean()).isTrue();
        assertThat(put.json().has("price")).isFalse();
        assertThat(put.json().get("updated-by").asString()).isEqualTo("Person_" + owner.id());
    }

    @Test
    void deleteAnswersDeletedOneAndLiveDeleteOnlyUnpublishes() {
        String tote = productId("canvas-tote");
        String trench = productId("wool-trench");
        String items = "/collections/" + products.id() + "/items";
        call("PUT", items + "/publish", "{\"itemIds\":[\"" + tote + "\"]}");

        HttpResult unpublished = call("DELETE", items + "/" + tote + "?live=true", null);
        assertThat(unpublished.status()).isEqualTo(200);
        assertThat(unpublished.json().get("deleted").asInt()).isEqualTo(1);
        JsonNode kept = call("GET", items + "/" + tote, null).json().get("items").get(0);
        assertThat(kept.get("_draft").asBoolean()).isTrue();
        assertThat(kept.get("published-on").isNull()).isTrue();

        HttpResult deleted = call("DELETE", items + "/" + trench, null);
        assertThat(deleted.json().get("deleted").asInt()).isEqualTo(1);
        assertThat(call("GET", items + "/" + trench, null).status()).isEqualTo(404);
    }

    @Test
    void bulkDeleteAndBulkPublishReportWhatTheyDidAndDidNot() {
        String tote = productId("canvas-tote");
        String trench = productId("wool-trench");
        String items = "/collections/" + products.id() + "/items";

        HttpResult published = call("PUT", items + "/publish", "{\"itemIds\":[\"" + tote + "\",\"" + MISSING + "\"]}");
        assertThat(published.status()).isEqualTo(200);
        assertThat(published.json().get("publishedItemIds").get(0).asString()).isEqualTo(tote);
        assertThat(published.json().get("errors")).hasSize(1);
        assertThat(call("GET", items + "/" + tote, null).json().get("items").get(0).get("published-on").asString()).matches(DATE);

        HttpResult deleted = call("DELETE", items, "{\"itemIds\":[\"" + tote + "\",\"" + trench + "\",\"" + MISSING + "\"]}");
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().get("deletedItemIds")).hasSize(2);
        assertThat(deleted.json().get("errors")).hasSize(1);
        assertThat(call("GET", items, null).json().get("total").asInt()).isEqualTo(2);

        HttpResult noIds = call("DELETE", items, "{}");
        assertThat(noIds.status()).isEqualTo(400);
        assertThat(noIds.json().get("name").asString()).isEqualTo("ValidationError");
    }

    @Test
    void tokenWithoutCmsWriteGets403AndAnotherSitesCollectionIs404() {
        String reader = fixtures.namedToken(owner, site, "Reader", "read", "read", null).token();
        HttpResult write = call(reader, "POST", "/collections/" + products.id() + "/items", "{\"fields\":{\"name\":\"X\"}}");
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.json().get("name").asString()).isEqualTo("OAuthForbidden");

        Site other = fixtures.site(fixtures.user(), "grit");
        String foreign = cms.siteCollections(other.id()).getFirst().id();
        HttpResult theirs = call("GET", "/collections/" + foreign + "/items", null);
        HttpResult none = call("GET", "/collections/" + MISSING + "/items", null);
        assertThat(theirs.status()).isEqualTo(404);
        assertThat(theirs.body().replace(foreign, "ID")).isEqualTo(none.body().replace(MISSING, "ID"));
        assertThat(call("GET", "/sites/" + other.id() + "/collections", null).status()).isEqualTo(404);
    }
}
