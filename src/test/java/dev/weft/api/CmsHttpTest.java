package dev.weft.api;

import dev.weft.cms.CmsCollection;
import dev.weft.cms.CmsItemEvent;
import dev.weft.cms.CmsService;
import dev.weft.cms.FieldType;
import dev.weft.sites.SiteService;
import dev.weft.testsupport.HttpResult;
import dev.weft.testsupport.SiteTokenHttpTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.JsonNode;

/**
 * Base of the CMS API tests: a Grit site (its Products collection with 4 items) and its token, a "Catalogue"
 * collection with a field of every type, and a recorder of {@link CmsItemEvent}s.
 */
@Import(CmsHttpTest.EventRecorder.class)
abstract class CmsHttpTest extends SiteTokenHttpTest {

    static final String DATE = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";
    static final String MISSING = "0123456789abcdef01234567";

    @Autowired
    CmsService cms;

    @Autowired
    SiteService siteService;

    @Autowired
    EventRecorder events;

    CmsCollection products;
    CmsCollection catalogue;

    /** A CmsItemEvent and whether a transaction was active when it was published. */
    record Recorded(CmsItemEvent event, boolean inTransaction) {}

    @TestComponent
    static class EventRecorder {
        final List<Recorded> events = new CopyOnWriteArrayList<>();

        @EventListener
        void on(CmsItemEvent event) {
            events.add(new Recorded(event, TransactionSynchronizationManager.isActualTransactionActive()));
        }

        List<Recorded> about(String itemId) {
            return events.stream().filter(r -> r.event().itemId().equals(itemId)).toList();
        }
    }

    @BeforeEach
    void collections() {
        siteService.setRateLimit(owner.id(), site.id(), 6000);
        products = cms.siteCollections(site.id()).getFirst();
        catalogue = cms.createCollection(site.id(), "Catalogue", "Entry", "catalogue", List.of(
                field("Summary", "summary", FieldType.PLAIN_TEXT, Map.of("maxLength", 10, "singleLine", true)),
                field("Body", "body", FieldType.RICH_TEXT, Map.of()),
                field("Photo", "photo", FieldType.IMAGE, Map.of()),
                field("Gallery", "gallery", FieldType.MULTI_IMAGE, Map.of()),
                field("Rating", "rating", FieldType.NUMBER, Map.of("minValue", 1, "maxValue", 5, "precision", 1)),
                field("Featured", "featured", FieldType.SWITCH, Map.of()),
                field("Launch", "launch", FieldType.DATE_TIME, Map.of()),
                field("Website", "website", FieldType.LINK, Map.of()),
                field("Trailer", "trailer", FieldType.VIDEO_LINK, Map.of()),
                field("Contact", "contact", FieldType.EMAIL, Map.of()),
                field("Phone", "phone", FieldType.PHONE, Map.of()),
                field("Tint", "tint", FieldType.COLOR, Map.of()),
                field("Kind", "kind", FieldType.OPTION, Map.of("options", List.of(
                        Map.of("id", "aaaaaaaaaaaaaaaaaaaaaaaa", "name", "Gear"),
                        Map.of("id", "bbbbbbbbbbbbbbbbbbbbbbbb", "name", "Gadget")))),
                field("Product", "product", FieldType.REFERENCE, Map.of("collectionId", products.id())),
                field("Related", "related", FieldType.MULTI_REFERENCE, Map.of("collectionId", products.id())),
                field("Manual", "manual", FieldType.FILE, Map.of()),
                new CmsService.NewField("Code", "code", FieldType.PLAIN_TEXT, true, null, Map.of())));
    }

    static CmsService.NewField field(String name, String slug, FieldType type, Map<String, Object> validations) {
        return new CmsService.NewField(name, slug, type, false, null, validations);
    }

    HttpResult call(String method, String path, String body) {
        return call(token, method, path, body);
    }

    HttpResult call(String bearer, String method, String path, String body) {
        String[] headers = body == null ? new String[] {"Authorization", "Bearer " + bearer}
                : new String[] {"Authorization", "Bearer " + bearer, "Content-Type", "application/json"};
        return api().send(path, method, headers, body);
    }

    /** The id of a seeded Products item by slug, through the v2 API. */
    String productId(String slug) {
        JsonNode items = call("GET", "/v2/collections/" + products.id() + "/items?slug=" + slug, null).json().get("items");
        return items.get(0).get("id").asString();
    }
}
