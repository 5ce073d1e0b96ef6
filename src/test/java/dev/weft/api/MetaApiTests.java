package dev.weft.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.testsupport.HttpResult;
import dev.weft.testsupport.SiteTokenHttpTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Who a token is: v1 /info and /user; v2 /token/introspect and /token/authorized_by, which refuse site tokens. */
abstract class MetaApiTests extends SiteTokenHttpTest {

    @Test
    void infoV1IsFlatAndNamesTheSiteWorkspaceAndUser() {
        HttpResult result = api().get("/info", token);

        assertThat(result.status()).isEqualTo(200);
        JsonNode info = result.json();
        assertThat(info.has("authorization")).isFalse();
        assertThat(info.get("_id").asString()).matches("[0-9a-f]{24}");
        assertThat(info.get("createdOn").asString()).matches(SitesApiTests.DATE);
        assertThat(info.get("lastUsed").asString()).matches(SitesApiTests.DATE);
        assertThat(info.get("sites").get(0).asString()).isEqualTo(site.id());
        assertThat(info.get("workspaces").get(0).asString()).isEqualTo(site.workspaceId());
        assertThat(info.get("orgs").get(0).asString()).isEqualTo(site.workspaceId());
        assertThat(info.get("users").get(0).asString()).isEqualTo(owner.id());
        assertThat(info.get("rateLimit").isInt()).isTrue();
        assertThat(info.get("status").asString()).isEqualTo("confirmed");
        assertThat(info.get("grantType").isString()).isTrue();
    }

    @Test
    void userV1IsWrappedInUser() {
        JsonNode user = api().get("/user", token).json().get("user");

        assertThat(user.get("_id").asString()).isEqualTo(owner.id());
        assertThat(user.get("email").asString()).isEqualTo(owner.email());
        assertThat(user.get("firstName").asString()).isEqualTo(owner.firstName());
        assertThat(user.get("lastName").asString()).isEqualTo(owner.lastName());
    }

    @Test
    void introspectV2RefusesASiteTokenWith403SayingWhatToCallInstead() {
        HttpResult result = api().get("/v2/token/introspect", token);

        assertSiteTokenRefused(result);
    }

    @Test
    void authorizedByV2RefusesASiteTokenWith403SayingWhatToCallInstead() {
        HttpResult result = api().get("/v2/token/authorized_by", token);

        assertSiteTokenRefused(result);
    }

    @Test
    void introspectV2StillAnswersAnAppTokenWithWhatItReaches() {
        var app = fixtures.app(fixtures.user());
        var appToken = fixtures.appToken(owner, app, java.util.List.of("sites:read"), java.util.List.of(), java.util.List.of(site.id()));

        HttpResult result = api().get("/v2/token/introspect", appToken.token());

        assertThat(result.status()).as(result.body()).isEqualTo(200);
        JsonNode authorization = result.json().get("authorization");
        assertThat(authorization.get("authorizedTo").get("siteIds").get(0).asString()).isEqualTo(site.id());
        assertThat(authorization.get("authorizedTo").get("userIds").get(0).asString()).isEqualTo(owner.id());
        assertThat(result.json().get("application").get("id").asString()).isEqualTo(app.id());
    }

    /** Webflow: site tokens cannot call the Authorization endpoints ({@code /token/*}); the 403 says what to use. */
    private void assertSiteTokenRefused(HttpResult result) {
        assertThat(result.status()).as(result.body()).isEqualTo(403);
        JsonNode body = result.json();
        assertThat(body.get("code").asString()).isEqualTo("forbidden");
        assertThat(body.get("message").asString())
                .contains("site API tokens cannot call the /v2/token/* endpoints")
                .contains("app (OAuth) tokens only")
                .contains("GET /v2/sites")
                .contains("GET /info");
        assertThat(body.has("details")).isTrue();
        assertThat(result.header("X-RateLimit-Limit")).isNotNull();
    }
}
