package dev.weft.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.testsupport.HttpResult;
import dev.weft.testsupport.SiteTokenHttpTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Who a token is: v1 /info and /user, v2 /token/introspect and /token/authorized_by. */
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
    void introspectV2NestsAuthorizationAndListsWhatTheTokenReaches() {
        HttpResult result = api().get("/v2/token/introspect", token);

        assertThat(result.status()).isEqualTo(200);
        JsonNode authorization = result.json().get("authorization");
        assertThat(authorization.get("id").asString()).isEqualTo(api().get("/info", token).json().get("_id").asString());
        assertThat(authorization.get("createdOn").asString()).matches(SitesApiTests.DATE);
        assertThat(authorization.get("rateLimit").asInt()).isPositive();
        assertThat(authorization.get("scope").asString()).contains("sites:read");
        assertThat(authorization.get("authorizedTo").get("siteIds").get(0).asString()).isEqualTo(site.id());
        assertThat(authorization.get("authorizedTo").get("workspaceIds").get(0).asString()).isEqualTo(site.workspaceId());
        assertThat(authorization.get("authorizedTo").get("userIds").get(0).asString()).isEqualTo(owner.id());
        assertThat(result.json().has("application")).isTrue();
    }

    @Test
    void authorizedByV2IsTheUserWhoIssuedTheToken() {
        JsonNode user = api().get("/v2/token/authorized_by", token).json();

        assertThat(user.get("id").asString()).isEqualTo(owner.id());
        assertThat(user.get("email").asString()).isEqualTo(owner.email());
        assertThat(user.get("firstName").asString()).isEqualTo(owner.firstName());
    }
}
