package dev.weft.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.cms.CmsItemEvent;
import dev.weft.cms.CmsItems;
import dev.weft.cms.FieldType;
import dev.weft.cms.ItemQuery;
import dev.weft.sites.Site;
import dev.weft.testsupport.HttpResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The CMS Data API v2 over HTTP: collections, items staged and live, validation, scopes. H2 and PostgreSQL. */
abstract class CmsV2ApiTests extends CmsHttpTest {

    @org.springframework.beans.factory.annotation.Autowired
    CmsItems items;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.context.ApplicationEventPublisher publisher;

    @Test
    void listCollectionsWrapsTheSitesCollections() {
        HttpResult result = call("GET", "/v2/sites/" + site.id() + "/collections", null);

        assertThat(result.status()).isEqualTo(200);
        JsonNode collections = result.json().get("collections");
        assertThat(collections).hasSize(2);
        JsonNode c = collections.get(0);
        assertThat(c.propertyNames()).containsExactlyInAnyOrder("id", "displayName", "singularName", "slug", "createdOn", "lastUpdated");
        assertThat(c.get("id").asString()).isEqualTo(products.id()).matches("[0-9a-f]{24}");
        assertThat(c.get("displayName").asString()).isEqualTo("Products");
        assertThat(c.get("singularName").asString()).isEqualTo("Product");
        assertThat(c.get("createdOn").asString()).matches(DATE);
    }

    @Test
    void getCollectionShowsItsFieldsWithV2TypesAndValidations() {
        HttpResult result = call("GET", "/v2/collections/" + catalogue.id(), null);

        assertThat(result.status()).isEqualTo(200);
        JsonNode fields = result.json().get("fields");
        assertThat(fields.get(0).get("slug").asString()).isEqualTo("name");
        assertThat(fields.get(0).get("isRequired").asBoolean()).isTrue();
        assertThat(fields.get(1).get("slug").asString()).isEqualTo("slug");
        assertThat(fields.get(0).get("id").asString()).matches("[0-9a-f]{32}");
        assertThat(fields.get(0).propertyNames()).containsExactlyInAnyOrder(
                "id", "isRequired", "isEditable", "type", "slug", "displayName", "helpText", "validations");
        List<String> types = new ArrayList<>();
        fields.forEach(f -> types.add(f.get("type").asString()));
        assertThat(types).contains("PlainText", "RichText", "Image", "MultiImage", "Number", "Switch", "DateTime",
                "Link", "VideoLink", "Email", "Phone", "Color", "Option", "Reference", "MultiReference", "File");
        JsonNode product = find(fields, "product");
        assertThat(product.get("validations").get("collectionId").asString()).isEqualTo(products.id());
        assertThat(find(fields, "kind").get("validations").get("options").get(0).get("id").asString())
                .isEqualTo("aaaaaaaaaaaaaaaaaaaaaaaa");
        assertThat(find(fields, "body").get("validations").isNull()).isTrue();
    }

    @Test
    void listItemsReturnsTheTemplatesItemsWithPagination() {
        HttpResult result = call("GET", "/v2/collections/" + products.id() + "/items", null);

        assertThat(result.status()).isEqualTo(200);
        JsonNode body = result.json();
        assertThat(body.get("items")).hasSize(4);
        assertThat(body.get("pagination").get("limit").asInt()).isEqualTo(100);
        assertThat(body.get("pagination").get("offset").asInt()).isZero();
        assertThat(body.get("pagination").get("total").asInt()).isEqualTo(4);
        JsonNode item = body.get("items").get(0);
        assertThat(item.propertyNames()).containsExactlyInAnyOrder(
                "id", "cmsLocaleId", "lastPublished", "lastUpdated", "createdOn", "isArchived", "isDraft", "fieldData");
        assertThat(item.get("id").asString()).matches("[0-9a-f]{24}");
        JsonNode site = call("GET", "/v2/sites/" + this.site.id(), null).json();
        assertThat(item.get("cmsLocaleId").asString())
                .isEqualTo(site.get("locales").get("primary").get("cmsLocaleId").asString());
        assertThat(item.get("fieldData").get("name").asString()).isEqualTo("Linen Overshirt");
        assertThat(item.get("fieldData").get("slug").asString()).isEqualTo("linen-overshirt");
        assertThat(item.get("fieldData").get("price").asInt()).isEqualTo(89);
    }

    @Test
    void listItemsPagesFiltersAndSorts() {
        String base = "/v2/collections/" + products.id() + "/items";

        JsonNode page = call("GET", base + "?offset=1&limit=2", null).json();
        assertThat(page.get("items")).hasSize(2);
        assertThat(page.get("items").get(0).get("fieldData").get("slug").asString()).isEqualTo("raw-denim-jacket");
        assertThat(page.get("pagination").get("limit").asInt()).isEqualTo(2);
        assertThat(page.get("pagination").get("offset").asInt()).isEqualTo(1);
        assertThat(page.get("pagination").get("total").asInt()).isEqualTo(4);

        JsonNode byName = call("GET", base + "?name=Wool%20Trench", null).json();
        assertThat(byName.get("items")).hasSize(1);
        assertThat(byName.get("pagination").get("total").asInt()).isEqualTo(1);

        JsonNode sorted = call("GET", base + "?sortBy=name&sortOrder=desc", null).json();
        assertThat(sorted.get("items").get(0).get("fieldData").get("name").asString()).isEqualTo("Wool Trench");
        assertThat(sorted.get("items").get(3).get("fieldData").get("name").asString()).isEqualTo("Canvas Tote");

        JsonNode future = call("GET", base + "?createdOn%5Bgte%5D=2999-01-01T00:00:00.000Z", null).json();
        assertThat(future.get("items")).isEmpty();
        JsonNode neverPublished = call("GET", base + "?lastPublished%5Blte%5D=2999-01-01T00:00:00.000Z", null).json();
        assertThat(neverPublished.get("items")).isEmpty();
    }

    @Test
    void badPagingAndSortParametersAreValidationErrors() {
        String base = "/v2/collections/" + products.id() + "/items";
        for (String query : List.of("?limit=0", "?limit=101", "?limit=abc", "?offset=-1", "?sortBy=price",
                "?sortOrder=up", "?createdOn%5Bgte%5D=yesterday")) {
            HttpResult result = call("GET", base + query, null);
            assertThat(result.status()).as(query).isEqualTo(400);
            assertThat(result.json().get("code").asString()).as(query).isEqualTo("validation_error");
            assertThat(result.json().get("details").get(0).get("param").asString()).as(query).isNotBlank();
        }
    }

    @Test
    void createItemIsAcceptedAsADraftWithASlugMadeFromTheName() {
        HttpResult result = call("POST", "/v2/collections/" + products.id() + "/items",
                "{\"fieldData\":{\"name\":\"Silk Scarf Été\",\"price\":45.5,\"color\":\"#aa3300\"}}");

        assertThat(result.status()).isEqualTo(202);
        JsonNode item = result.json();
        assertThat(item.get("isDraft").asBoolean()).isTrue();
        assertThat(item.get("isArchived").asBoolean()).isFalse();
        assertThat(item.get("lastPublished").isNull()).isTrue();
        assertThat(item.get("createdOn").asString()).matches(DATE);
        assertThat(item.get("fieldData").get("slug").asString()).isEqualTo("silk-scarf-ete");
        assertThat(item.get("fieldData").get("price").asDouble()).isEqualTo(45.5);

        HttpResult got = call("GET", "/v2/collections/" + products.id() + "/items/" + item.get("id").asString(), null);
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.json()).isEqualTo(item);
    }

    @Test
    void createPublishesACreatedEventInTheTransactionWithBothPayloads() {
        String id = call("POST", "/v2/collections/" + products.id() + "/items",
                "{\"fieldData\":{\"name\":\"Cap\",\"slug\":\"cap\"}}").json().get("id").asString();

        List<Recorded> recorded = events.about(id);
        assertThat(recorded).hasSize(1);
        CmsItemEvent event = recorded.getFirst().event();
        assertThat(recorded.getFirst().inTransaction()).isTrue();
        assertThat(event.triggerType()).isEqualTo(CmsItemEvent.CREATED);
        assertThat(event.siteId()).isEqualTo(site.id());
        assertThat(event.workspaceId()).isEqualTo(site.workspaceId());
        assertThat(event.collectionId()).isEqualTo(products.id());
        assertThat(event.v2Payload().get("id")).isEqualTo(id);
        assertThat(event.v1Payload().get("_id")).isEqualTo(id);
        assertThat(event.v1Payload().get("_cid")).isEqualTo(products.id());
        assertThat(event.v1Payload().get("slug")).isEqualTo("cap");
    }

    @Test
    void createWithATakenSlugNamesTheSlugField() {
        HttpResult result = call("POST", "/v2/collections/" + products.id() + "/items",
                "{\"fieldData\":{\"name\":\"Again\",\"slug\":\"wool-trench\"}}");

        assertThat(result.status()).isEqualTo(400);
        JsonNode body = result.json();
        assertThat(body.get("code").asString()).isEqualTo("validation_error");
        assertThat(body.get("details").get(0).get("param").asString()).isEqualTo("slug");
        assertThat(body.get("details").get(0).get("description").asString())
                .isEqualTo("Unique value is already in database: 'wool-trench'");
    }

    @Test
    void createWithUnknownMissingAndInvalidFieldsNamesEachField() {
        HttpResult result = call("POST", "/v2/collections/" + catalogue.id() + "/items", """
                {"fieldData":{"bogus":1,"summary":"far too long a summary","rating":9,"featured":"yes",
                 "launch":"next tuesday","website":"not a url","contact":"nobody","phone":"call me","tint":"red",
                 "kind":"cccccccccccccccccccccccc","product":"0123456789abcdef01234567","related":["nope"],
                 "photo":42,"gallery":"x","trailer":"ftp://x","manual":{"name":"x"}}}""");

        assertThat(result.status()).isEqualTo(400);
        JsonNode body = result.json();
        assertThat(body.get("code").asString()).isEqualTo("validation_error");
        List<String> params = new ArrayList<>();
        body.get("details").forEach(d -> params.add(d.get("param").asString()));
        assertThat(params).containsExactlyInAnyOrder("bogus", "summary", "rating", "featured", "launch", "website",
                "contact", "phone", "tint", "kind", "product", "related", "photo", "gallery", "trailer", "manual",
                "name", "slug", "code");
        assertThat(find(body.get("details"), "bogus").get("description").asString())
                .isEqualTo("Field not described in schema: bogus");
        assertThat(find(body.get("details"), "name").get("description").asString()).isEqualTo("Field is required: name");
        assertThat(result.body()).doesNotContain("Exception");
    }

    @Test
    void createWithValidValuesOfEveryTypeStoresThem() {
        String linen = productId("linen-overshirt");
        String tote = productId("canvas-tote");
        HttpResult result = call("POST", "/v2/collections/" + catalogue.id() + "/items", """
                {"isDraft":false,"fieldData":{"name":"Tent","code":"T1","summary":"Light","body":"<p>Hi</p>",
                 "photo":{"url":"https://cdn.example/tent.jpg","alt":"A tent"},"gallery":["https://cdn.example/a.jpg"],
                 "rating":4.5,"featured":true,"launch":"2024-04-22T18:00:31+02:00","website":"https://tent.example",
                 "trailer":"https://video.example/t","contact":"sales@tent.example","phone":"+1 (555) 010-9999",
                 "tint":"#1e3a5f","kind":"bbbbbbbbbbbbbbbbbbbbbbbb","product":"%s","related":["%s","%s"],
                 "manual":"https://cdn.example/manual.pdf"}}""".formatted(linen, linen, tote));

        assertThat(result.status()).as(result.body()).isEqualTo(202);
        JsonNode data = result.json().get("fieldData");
        assertThat(result.json().get("isDraft").asBoolean()).isFalse();
        assertThat(data.get("launch").asString()).isEqualTo("2024-04-22T16:00:31.000Z");
        assertThat(data.get("photo").get("url").asString()).isEqualTo("https://cdn.example/tent.jpg");
        assertThat(data.get("related")).hasSize(2);
        assertThat(data.get("product").asString()).isEqualTo(linen);
    }

    @Test
    void aReferenceToAnItemOfAnotherSiteIsRefusedEvenWhenTheFieldPointsAtThatSitesCollection() {
        Site other = fixtures.site(fixtures.user(), "grit");
        var foreignCollection = cms.siteCollections(other.id()).getFirst();
        String foreignItem = items.list(foreignCollection, ItemQuery.page(0, 1), false).items().getFirst().id();
        var sneaky = cms.createCollection(site.id(), "Sneaky", "Sneaky", "sneaky", List.of(
                field("Theirs", "theirs", FieldType.REFERENCE, java.util.Map.of("collectionId", foreignCollection.id()))));

        HttpResult viaOwn = call("POST", "/v2/collections/" + catalogue.id() + "/items",
                "{\"fieldData\":{\"name\":\"X\",\"code\":\"c\",\"product\":\"" + foreignItem + "\"}}");
        HttpResult viaForeign = call("POST", "/v2/collections/" + sneaky.id() + "/items",
                "{\"fieldData\":{\"name\":\"X\",\"theirs\":\"" + foreignItem + "\"}}");

        assertThat(viaOwn.status()).isEqualTo(400);
        assertThat(viaOwn.json().get("details").get(0).get("param").asString()).isEqualTo("product");
        assertThat(viaForeign.status()).isEqualTo(400);
        assertThat(viaForeign.json().get("details").get(0).get("param").asString()).isEqualTo("theirs");
    }

    @Test
    void malformedJsonIsABadRequest() {
        HttpResult result = call("POST", "/v2/collections/" + products.id() + "/items", "{\"fieldData\":");

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.json().get("code").asString()).isEqualTo("bad_request");
        HttpResult notObject = call("POST", "/v2/collections/" + products.id() + "/items", "{\"fieldData\":[1]}");
        assertThat(notObject.status()).isEqualTo(400);
        assertThat(notObject.json().get("code").asString()).isEqualTo("validation_error");
    }

    @Test
    void aWildcardContentTypeOrABodyThatIsNotAnObjectIsABadRequestNeverA500() {
        String path = "/v2/collections/" + products.id() + "/items";
        HttpResult wildcard = api().send(path, "POST",
                new String[] {"Authorization", "Bearer " + token, "Content-Type", "*/*"}, "-1");
        HttpResult array = call("POST", path, "[1,2]");

        assertThat(wildcard.status()).isEqualTo(400);
        assertThat(wildcard.json().get("code").asString()).isEqualTo("bad_request");
        assertThat(array.status()).isEqualTo(400);
        assertThat(array.json().get("code").asString()).isEqualTo("bad_request");
    }

    @Test
    void patchChangesOnlyTheFieldsSentAndPublishesAChangedEvent() {
        String id = productId("wool-trench");

        HttpResult result = call("PATCH", "/v2/collections/" + products.id() + "/items/" + id,
                "{\"fieldData\":{\"price\":199}}");

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.json().get("fieldData").get("price").asInt()).isEqualTo(199);
        assertThat(result.json().get("fieldData").get("name").asString()).isEqualTo("Wool Trench");
        assertThat(result.json().get("fieldData").get("color").asString()).isEqualTo("#4b4b4b");
        assertThat(events.about(id)).extracting(r -> r.event().triggerType()).containsExactly(CmsItemEvent.CHANGED);
    }

    @Test
    void liveVersionStaysAsPublishedUntilPublishedAgain() {
        String id = productId("canvas-tote");
        String items = "/v2/collections/" + products.id() + "/items";

        HttpResult conflict = call("PATCH", items + "/" + id + "/live", "{\"fieldData\":{\"price\":40}}");
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.json().get("code").asString()).isEqualTo("conflict");
        assertThat(call("GET", items + "/" + id + "/live", null).status()).isEqualTo(404);

        HttpResult published = call("POST", items + "/publish", "{\"itemIds\":[\"" + id + "\",\"" + MISSING + "\"]}");
        assertThat(published.status()).isEqualTo(202);
        assertThat(published.json().get("publishedItemIds").get(0).asString()).isEqualTo(id);
        assertThat(published.json().get("errors")).hasSize(1);

        call("PATCH", items + "/" + id, "{\"fieldData\":{\"price\":41}}");
        JsonNode live = call("GET", items + "/" + id + "/live", null).json();
        assertThat(live.get("fieldData").get("price").asInt()).isEqualTo(39);
        assertThat(live.get("lastPublished").asString()).matches(DATE);
        assertThat(call("GET", items + "/" + id, null).json().get("fieldData").get("price").asInt()).isEqualTo(41);
        JsonNode liveList = call("GET", items + "/live", null).json();
        assertThat(liveList.get("items")).hasSize(1);
        assertThat(liveList.get("pagination").get("total").asInt()).isEqualTo(1);

        HttpResult livePatch = call("PATCH", items + "/" + id + "/live", "{\"fieldData\":{\"price\":42}}");
        assertThat(livePatch.status()).isEqualTo(200);
        assertThat(call("GET", items + "/" + id + "/live", null).json().get("fieldData").get("price").asInt()).isEqualTo(42);
    }

    @Test
    void createLivePublishesAtOnce() {
        String items = "/v2/collections/" + products.id() + "/items";

        HttpResult created = call("POST", items + "/live", "{\"fieldData\":{\"name\":\"Belt\"}}");

        assertThat(created.status()).isEqualTo(202);
        assertThat(created.json().get("isDraft").asBoolean()).isFalse();
        assertThat(created.json().get("lastPublished").asString()).matches(DATE);
        String id = created.json().get("id").asString();
        assertThat(call("GET", items + "/" + id + "/live", null).status()).isEqualTo(200);
    }

    @Test
    void liveDeleteUnpublishesAndKeepsTheStagedItemAsADraft() {
        String id = productId("raw-denim-jacket");
        String items = "/v2/collections/" + products.id() + "/items";
        call("POST", items + "/publish", "{\"itemIds\":[\"" + id + "\"]}");

        HttpResult result = call("DELETE", items + "/" + id + "/live", null);

        assertThat(result.status()).isEqualTo(204);
        assertThat(result.body()).isEmpty();
        assertThat(call("GET", items + "/" + id + "/live", null).status()).isEqualTo(404);
        JsonNode staged = call("GET", items + "/" + id, null).json();
        assertThat(staged.get("isDraft").asBoolean()).isTrue();
        assertThat(staged.get("lastPublished").isNull()).isTrue();
        assertThat(events.about(id)).extracting(r -> r.event().triggerType()).containsExactly(CmsItemEvent.UNPUBLISHED);
    }

    @Test
    void deleteAnswers204AndTheItemIsGone() {
        String id = productId("linen-overshirt");
        String path = "/v2/collections/" + products.id() + "/items/" + id;

        HttpResult result = call("DELETE", path, null);

        assertThat(result.status()).isEqualTo(204);
        HttpResult again = call("GET", path, null);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json().get("code").asString()).isEqualTo("resource_not_found");
        List<Recorded> recorded = events.about(id);
        assertThat(recorded).hasSize(1);
        assertThat(recorded.getFirst().event().triggerType()).isEqualTo(CmsItemEvent.DELETED);
        assertThat(recorded.getFirst().event().v2Payload()).containsEntry("id", id)
                .containsEntry("siteId", site.id()).containsEntry("collectionId", products.id())
                .containsEntry("workspaceId", site.workspaceId());
        assertThat(recorded.getFirst().event().v1Payload()).containsEntry("deleted", 1).containsEntry("itemId", id);
    }

    @Test
    void readOnlyTokenReadsButCannotWriteAndATokenWithoutCmsCannotRead() {
        String reader = fixtures.namedToken(owner, site, "Reader", "read", "read", null).token();
        String noCms = fixtures.namedToken(owner, site, "Sites only", "read", "none", null).token();
        String items = "/v2/collections/" + products.id() + "/items";

        assertThat(call(reader, "GET", items, null).status()).isEqualTo(200);
        HttpResult write = call(reader, "POST", items, "{\"fieldData\":{\"name\":\"X\"}}");
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.json().get("code").asString()).isEqualTo("missing_scopes");
        assertThat(write.json().get("message").asString()).contains("cms:write");
        assertThat(call(reader, "DELETE", items + "/" + productId("canvas-tote"), null).status()).isEqualTo(403);
        HttpResult read = call(noCms, "GET", items, null);
        assertThat(read.status()).isEqualTo(403);
        assertThat(read.json().get("message").asString()).contains("cms:read");
    }

    @Test
    void aSitePublishMakesEveryItemLiveThatIsNeitherADraftNorArchived() {
        String items = "/v2/collections/" + products.id() + "/items";
        String draft = call("POST", items, "{\"fieldData\":{\"name\":\"Draft Socks\"}}").json().get("id").asString();

        transactions.executeWithoutResult(status -> publisher.publishEvent(new dev.weft.sites.SitePublished(site.id(),
                site.workspaceId(), java.time.Instant.now(), List.of(site.shortName() + ".weft.local"), null)));

        JsonNode live = call("GET", items + "/live", null).json();
        assertThat(live.get("pagination").get("total").asInt()).isEqualTo(4);
        assertThat(call("GET", items + "/" + draft + "/live", null).status()).isEqualTo(404);
    }

    @Test
    void anAppTokenWithCmsReadReadsButCannotWrite() {
        var developer = fixtures.user();
        var app = fixtures.app(developer);
        String appToken = fixtures.appToken(owner, app, List.of("cms:read"), List.of(), List.of(site.id())).token();
        String items = "/v2/collections/" + products.id() + "/items";

        assertThat(call(appToken, "GET", items, null).status()).isEqualTo(200);
        HttpResult write = call(appToken, "POST", items, "{\"fieldData\":{\"name\":\"X\"}}");
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.json().get("code").asString()).isEqualTo("missing_scopes");
        Site other = fixtures.site(fixtures.user(), "grit");
        assertThat(call(appToken, "GET", "/v2/collections/" + cms.siteCollections(other.id()).getFirst().id(), null)
                .status()).isEqualTo(404);
    }

    @Test
    void anotherSitesCollectionIsNotFoundExactlyLikeAMissingOne() {
        Site other = fixtures.site(fixtures.user(), "grit");
        String foreign = cms.siteCollections(other.id()).getFirst().id();

        for (String suffix : List.of("", "/items")) {
            HttpResult theirs = call("GET", "/v2/collections/" + foreign + suffix, null);
            HttpResult none = call("GET", "/v2/collections/" + MISSING + suffix, null);
            assertThat(theirs.status()).isEqualTo(404);
            assertThat(theirs.body().replace(foreign, "ID")).isEqualTo(none.body().replace(MISSING, "ID"));
        }
        assertThat(call("GET", "/v2/sites/" + other.id() + "/collections", null).status()).isEqualTo(404);
    }

    static JsonNode find(JsonNode array, String slugOrParam) {
        for (JsonNode n : array) {
            if (slugOrParam.equals(n.path("slug").asString(null)) || slugOrParam.equals(n.path("param").asString(null))) {
                return n;
            }
        }
        throw new AssertionError("no " + slugOrParam + " in " + array);
    }
}
