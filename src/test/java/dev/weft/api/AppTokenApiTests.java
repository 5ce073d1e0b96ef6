package dev.weft.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.accounts.Role;
import dev.weft.accounts.User;
import dev.weft.oauth.App;
import dev.weft.oauth.Grants;
import dev.weft.sites.Site;
import dev.weft.testsupport.HttpResult;
import dev.weft.testsupport.WeftFixtures.AppToken;
import dev.weft.testsupport.WeftHttpTest;
import dev.weft.usage.UsageRecorder;
import dev.weft.usage.UsageService;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * An app's access token on the Data API (issue 4, part 4): the sites its grant covers, what /info and
 * introspect say about it, scopes enforced with 403 missing_scopes, and revocation from a site or whole.
 */
abstract class AppTokenApiTests extends WeftHttpTest {

    static final List<String> READ = List.of("sites:read", "authorized_user:read");

    @Autowired
    Grants grants;

    @Autowired
    UsageRecorder recorder;

    @Autowired
    UsageService usage;

    User owner;
    Site first;
    Site second;
    App app;

    @BeforeEach
    void workspaceWithTwoSitesAndAnApp() {
        owner = fixtures.user();
        first = fixtures.site(owner);
        second = fixtures.site(owner);
        app = fixtures.app(fixtures.user());
    }

    static List<String> ids(JsonNode array, String field) {
        List<String> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.get(field).asString()));
        return ids;
    }

    @Test
    void aWorkspaceGrantListsEverySiteOfTheWorkspaceIncludingSitesCreatedLater() {
        AppToken token = fixtures.appToken(owner, app, READ, List.of(first.workspaceId()), List.of());
        Site later = fixtures.site(owner);

        assertThat(ids(api().get("/v2/sites", token.token()).json().get("sites"), "id"))
                .containsExactly(first.id(), second.id(), later.id());
        assertThat(ids(api().get("/sites", token.token()).json(), "_id"))
                .containsExactly(first.id(), second.id(), later.id());
        assertThat(api().get("/v2/sites/" + later.id(), token.token()).json().get("id").asString()).isEqualTo(later.id());
    }

    @Test
    void aSiteGrantReachesThatSiteOnlyAndAnyOtherIsTheSame404AsAMissingId() {
        AppToken token = fixtures.appToken(owner, app, READ, List.of(), List.of(first.id()));
        Site foreign = fixtures.site(fixtures.user());

        assertThat(ids(api().get("/v2/sites", token.token()).json().get("sites"), "id")).containsExactly(first.id());
        assertThat(api().get("/v2/sites/" + first.id(), token.token()).status()).isEqualTo(200);
        HttpResult sibling = api().get("/v2/sites/" + second.id(), token.token());
        HttpResult missing = api().get("/v2/sites/" + dev.weft.system.Ids.objectId(), token.token());
        HttpResult other = api().get("/v2/sites/" + foreign.id(), token.token());
        assertThat(sibling.status()).isEqualTo(404);
        assertThat(sibling.body()).isEqualTo(missing.body()).isEqualTo(other.body());
        assertThat(api().get("/sites/" + second.id(), token.token()).status()).isEqualTo(404);
    }

    @Test
    void infoV1ShowsTheApplicationItsSitesAndWorkspaces() {
        AppToken token = fixtures.appToken(owner, app, READ, List.of(), List.of(second.id()));

        JsonNode info = api().get("/info", token.token()).json();

        assertThat(info.get("_id").asString()).isEqualTo(token.authorizationId());
        assertThat(info.get("grantType").asString()).isEqualTo("authorization_code");
        assertThat(info.get("sites").get(0).asString()).isEqualTo(second.id());
        assertThat(info.get("sites").size()).isEqualTo(1);
        assertThat(info.get("workspaces").get(0).asString()).isEqualTo(second.workspaceId());
        assertThat(info.get("users").get(0).asString()).isEqualTo(owner.id());
        JsonNode application = info.get("application");
        assertThat(application.get("_id").asString()).isEqualTo(app.id());
        assertThat(application.get("name").asString()).isEqualTo(app.name());
        assertThat(application.get("homepage").asString()).isEqualTo("https://sync.example");
        assertThat(application.get("description").asString()).isEqualTo("Keeps the CMS in sync");
        assertThat(application.get("owner").asString()).isEqualTo(app.createdBy());
        assertThat(application.get("ownerType").asString()).isEqualTo("Person");
    }

    @Test
    void introspectShowsScopeAuthorizedToAndTheApplication() {
        AppToken token = fixtures.appToken(owner, app, READ, List.of(first.workspaceId()), List.of());

        JsonNode body = api().get("/v2/token/introspect", token.token()).json();

        JsonNode authorization = body.get("authorization");
        assertThat(authorization.get("id").asString()).isEqualTo(token.authorizationId());
        assertThat(authorization.get("grantType").asString()).isEqualTo("authorization_code");
        assertThat(authorization.get("scope").asString()).isEqualTo("authorized_user:read,sites:read");
        assertThat(authorization.get("authorizedTo").get("siteIds").size()).isEqualTo(2);
        assertThat(authorization.get("authorizedTo").get("workspaceIds").get(0).asString()).isEqualTo(first.workspaceId());
        assertThat(authorization.get("authorizedTo").get("userIds").get(0).asString()).isEqualTo(owner.id());
        assertThat(body.get("application").get("id").asString()).isEqualTo(app.id());
        assertThat(body.get("application").get("displayName").asString()).isEqualTo(app.name());
        assertThat(api().get("/v2/token/authorized_by", token.token()).json().get("email").asString())
                .isEqualTo(owner.email());
    }

    @Test
    void aCallOutsideTheGrantedScopesIs403MissingScopesNamingTheScope() {
        AppToken token = fixtures.appToken(owner, app, List.of("cms:read"), List.of(first.workspaceId()), List.of());

        HttpResult v2 = api().get("/v2/sites", token.token());
        assertThat(v2.status()).isEqualTo(403);
        assertThat(v2.json().get("code").asString()).isEqualTo("missing_scopes");
        assertThat(v2.json().get("message").asString())
                .isEqualTo("OAuthForbidden: You are missing the following scopes - sites:read");
        assertThat(v2.header("WWW-Authenticate")).contains("error=\"insufficient_scope\"").contains("scope=\"sites:read\"");

        HttpResult v1 = api().get("/sites/" + first.id(), token.token());
        assertThat(v1.status()).isEqualTo(403);
        assertThat(v1.json().get("msg").asString()).contains("sites:read");
        assertThat(api().get("/v2/token/authorized_by", token.token()).json().get("message").asString())
                .endsWith("authorized_user:read");
        assertThat(api().get("/user", token.token()).status()).isEqualTo(403);
        assertThat(api().get("/v2/token/introspect", token.token()).status()).isEqualTo(200); // needs no scope
        assertThat(api().get("/info", token.token()).status()).isEqualTo(200);
    }

    @Test
    void revokingTheAppFromOneSiteEndsItsAccessThereAtOnceAndKeepsTheOthers() {
        AppToken token = fixtures.appToken(owner, app, READ, List.of(first.workspaceId()), List.of());
        assertThat(api().get("/v2/sites/" + first.id(), token.token()).status()).isEqualTo(200);

        grants.revokeFromSite(owner.id(), first.id(), token.authorizationId(), "127.0.0.1");

        assertThat(api().get("/v2/sites/" + first.id(), token.token()).status()).isEqualTo(404);
        assertThat(ids(api().get("/v2/sites", token.token()).json().get("sites"), "id")).containsExactly(second.id());
        assertThat(grants.forSite(owner.id(), first.id())).isEmpty();
        assertThat(grants.forSite(owner.id(), second.id())).extracting(g -> g.authorizationId())
                .containsExactly(token.authorizationId());
    }

    @Test
    void revokingTheLastSiteOfASiteGrantRevokesTheTokenWhole() {
        AppToken token = fixtures.appToken(owner, app, READ, List.of(), List.of(first.id()));

        grants.revokeFromSite(owner.id(), first.id(), token.authorizationId(), "127.0.0.1");

        HttpResult result = api().get("/v2/token/introspect", token.token());
        assertThat(result.status()).isEqualTo(401);
        assertThat(result.header("WWW-Authenticate")).contains("invalid_token");
    }

    @Test
    void theAuthorizingUserRevokingFromTheAccountPageEndsTheTokenAtOnce() {
        AppToken token = fixtures.appToken(owner, app, READ, List.of(first.workspaceId()), List.of());
        assertThat(api().get("/v2/sites", token.token()).status()).isEqualTo(200); // now cached as valid
        assertThat(grants.forUser(owner.id())).extracting(g -> g.authorizationId()).contains(token.authorizationId());

        grants.revoke(owner.id(), token.authorizationId(), "127.0.0.1");

        assertThat(api().get("/v2/sites", token.token()).status()).isEqualTo(401);
        assertThat(grants.forUser(owner.id())).extracting(g -> g.authorizationId()).doesNotContain(token.authorizationId());
    }

    @Test
    void aGrantReachesNothingOnceItsUserNoLongerAdministersTheWorkspace() {
        User member = fixtures.user();
        fixtures.addMember(owner, first, member, Role.MEMBER);
        AppToken token = fixtures.appToken(member, app, READ, List.of(first.workspaceId()), List.of());

        assertThat(api().get("/v2/sites", token.token()).json().get("sites").size()).isZero();
        assertThat(api().get("/v2/sites/" + first.id(), token.token()).status()).isEqualTo(404);
    }

    @Test
    void callsOfAnAppTokenAreCountedUnderItsAuthorization() {
        AppToken token = fixtures.appToken(owner, app, READ, List.of(first.workspaceId()), List.of());
        for (int i = 0; i < 3; i++) {
            api().get("/v2/sites", token.token());
        }
        api().get("/v2/sites/" + dev.weft.system.Ids.objectId(), token.token());
        recorder.flush();

        var counted = usage.usage(token.authorizationId(), 30);
        assertThat(counted.total()).isEqualTo(4);
        assertThat(counted.total2xx()).isEqualTo(3);
        assertThat(counted.total4xx()).isEqualTo(1);
        assertThat(counted.lastUse()).isNotNull();
    }
}
