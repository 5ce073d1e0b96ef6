package dev.weft.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.testsupport.HttpResult;
import dev.weft.testsupport.WeftHttpTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The interactive API reference at /docs describes every API route Weft serves. */
class ApiDocsTests extends WeftHttpTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void docsPageIsPublicAndLeadsToTheInteractiveReference() {
        HttpResult docs = api().get("/docs", null);

        assertThat(docs.status()).isEqualTo(302);
        HttpResult ui = api().get(docs.header("Location").replaceFirst("^https?://[^/]+", ""), null);
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");
    }

    @Test
    void everyRegisteredApiRouteIsDocumentedInItsVersionsDocument() {
        String v1 = api().get("/docs/openapi/v1", null).body();
        String v2 = api().get("/docs/openapi/v2", null).body();
        List<String> apiRoutes = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (pattern.equals("/info") || pattern.equals("/user") || pattern.startsWith("/sites")
                        || pattern.startsWith("/collections") || pattern.startsWith("/webhooks") || pattern.startsWith("/v2/")) {
                    apiRoutes.add(pattern);
                }
            }
        }

        assertThat(apiRoutes).contains("/sites", "/sites/{siteId}", "/info", "/user", "/v2/sites", "/v2/sites/{siteId}",
                "/v2/token/introspect", "/v2/token/authorized_by");
        for (String route : apiRoutes) {
            assertThat(route.startsWith("/v2/") ? v2 : v1).as(route).contains("\"" + route + "\"");
        }
        assertThat(v1).contains("\"bearer\"").contains("Accept-Version");
    }
}
