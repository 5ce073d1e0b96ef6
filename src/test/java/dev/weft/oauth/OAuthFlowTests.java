package dev.weft.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.accounts.Role;
import dev.weft.accounts.User;
import dev.weft.sites.Site;
import dev.weft.testsupport.DashboardSession;
import dev.weft.testsupport.HttpResult;
import dev.weft.testsupport.OAuthClientScript;
import dev.weft.testsupport.WeftFixtures;
import dev.weft.testsupport.WeftHttpTest;
import dev.weft.tokens.Scopes;
import dev.weft.tokens.TokenDigester;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The OAuth 2.0 authorization-code flow of issue 4 over real HTTP: the app's side is the oauth4webapi library
 * ({@code src/test/clients/oauth-client.mjs}), the user's side (log in, consent, Allow or Deny) a dashboard
 * session. Covers PKCE and no PKCE, every error of /oauth/authorize and the token endpoints, code reuse and
 * expiry, both token paths, JSON and form bodies, Basic and body secrets, both revocation endpoints and the
 * RFC 8414 metadata, and the oauth_authorizations / oauth_grants rows the Data API reads.
 */
class OAuthFlowTests extends WeftHttpTest {

    static final String REDIRECT = "https://sync.example/callback";
    private static final Pattern HIDDEN_STATE = Pattern.compile("name=\"state\" value=\"([^\"]+)\"");

    @Autowired
    AppService apps;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TokenDigester digester;

    User developer;
    User owner;
    Site site;
    RegisteredApp app;
    DashboardSession user;

    @BeforeEach
    void appAndUserWithSite() {
        developer = fixtures.user();
        app = apps.register(developer.id(), fixtures.personalWorkspace(developer), new AppDetails("Sync Tool",
                "Keeps the CMS in sync", "https://sync.example", List.of(REDIRECT, "https://sync.example/other"),
                List.of("sites:read", "cms:read", "cms:write")));
        owner = fixtures.user();
        site = fixtures.site(owner);
        user = session(owner);
    }

    // --- the whole flow with the client library --------------------------------------------------------

    @Test
    void codeFlowWithPkceIssuesAppTokenForThePickedSiteAndTheAppCanRevokeIt() {
        OAuthClientScript.requireNode();
        OAuthClientScript client = script();
        JsonNode start = client.authorize(REDIRECT, "sites:read cms:read", true);
        assertThat(start.path("url").asString()).contains("code_challenge=").contains("code_challenge_method=S256");

        URI callback = allow(user, start.path("url").asString(), "site:" + site.id());
        assertThat(query(callback)).containsKey("code").containsEntry("state", start.path("state").asString());

        JsonNode exchanged = client.exchange(REDIRECT, callback.toString(), start.path("state").asString(),
                start.path("codeVerifier").asString(), "basic");
        assertThat(exchanged.path("ok").asBoolean()).as(exchanged.toString()).isTrue();
        String token = exchanged.path("token").path("access_token").asString();
        assertThat(token).matches("weft_app_[0-9A-Za-z]{36}");
        assertThat(exchanged.path("token").path("token_type").asString()).isEqualTo("bearer");
        assertThat(exchanged.path("token").path("scope").asString()).isEqualTo("cms:read sites:read");
        assertThat(exchanged.path("token").has("refresh_token")).isFalse();
        assertThat(exchanged.path("token").has("expires_in")).isFalse();

        Map<String, Object> row = authorizationRow(token);
        assertThat(row.get("user_id")).isEqualTo(owner.id());
        assertThat(row.get("app_id")).isEqualTo(app.app().id());
        assertThat(row.get("scopes")).isEqualTo("cms:read sites:read");
        assertThat(row.get("token_hint")).isEqualTo("weft_app_…" + token.substring(token.length() - 4));
        assertThat(row.get("revoked_at")).isNull();
        assertThat(grants(row)).containsExactly("site:" + site.id() + ":false");
        assertThat(everyOAuthRow().toString()).doesNotContain(token).doesNotContain(query(callback).get("code"))
                .doesNotContain(start.path("codeVerifier").asString());

        HttpResult sites = api().get("/v2/sites", token);
        assertThat(sites.status()).as(sites.body()).isEqualTo(200);
        assertThat(sites.body()).contains(site.id());

        assertThat(client.revoke(token, "basic").path("ok").asBoolean()).isTrue();
        assertThat(api().get("/v2/sites", token).status()).isEqualTo(401);
        assertThat(authorizationRow(token).get("revoked_reason")).isEqualTo("revoked_by_app");
        assertThat(authorizationRow(token).get("revoked_at")).isNotNull();
    }

    @Test
    void codeFlowWithoutPkceAndSecretInTheBodyGrantsTheWholeWorkspace() {
        OAuthClientScript.requireNode();
        OAuthClientScript client = script();
        JsonNode start = client.authorize(REDIRECT, "sites:read", false);
        assertThat(start.path("url").asString()).doesNotContain("code_challenge");

        URI callback = allow(user, start.path("url").asString(), "workspace:" + site.workspaceId());
        JsonNode exchanged = client.exchange(REDIRECT, callback.toString(), start.path("state").asString(), null, "post");

        assertThat(exchanged.path("ok").asBoolean()).as(exchanged.toString()).isTrue();
        String token = exchanged.path("token").path("access_token").asString();
        assertThat(grants(authorizationRow(token))).containsExactly("workspace:" + site.workspaceId() + ":false");
    }

    @Test
    void wrongCodeVerifierIsInvalidGrant() {
        OAuthClientScript.requireNode();
        OAuthClientScript client = script();
        JsonNode start = client.authorize(REDIRECT, "sites:read", true);
        URI callback = allow(user, start.path("url").asString(), "site:" + site.id());

        JsonNode exchanged = client.exchange(REDIRECT, callback.toString(), start.path("state").asString(),
                "x".repeat(43), "basic");

        assertThat(exchanged.path("ok").asBoolean()).isFalse();
        assertThat(exchanged.path("error").asString()).as(exchanged.toString()).isEqualTo("invalid_grant");
    }

    @Test
    void codeUsedTwiceIsInvalidGrantAndRevokesTheTokenItIssued() {
        OAuthClientScript.requireNode();
        OAuthClientScript client = script();
        JsonNode start = client.authorize(REDIRECT, "sites:read", false);
        URI callback = allow(user, start.path("url").asString(), "site:" + site.id());
        JsonNode first = client.exchange(REDIRECT, callback.toString(), start.path("state").asString(), null, "basic");
        String token = first.path("token").path("access_token").asString();

        JsonNode second = client.exchange(REDIRECT, callback.toString(), start.path("state").asString(), null, "basic");

        assertThat(second.path("error").asString()).as(second.toString()).isEqualTo("invalid_grant");
        Map<String, Object> row = authorizationRow(token);
        assertThat(row.get("revoked_at")).isNotNull();
        assertThat(row.get("revoked_reason")).isEqualTo("code_reused");
        assertThat(api().get("/v2/sites", token).status()).isEqualTo(401);
    }

    // --- /oauth/authorize ----------------------------------------------------------------------------------

    @Test
    void visitorWhoIsNotLoggedInLogsInAndComesBackToTheAuthorizeRequest() {
        DashboardSession visitor = new DashboardSession(baseUrl());
        String authorize = authorizePath(REDIRECT, "sites:read", "xyz");

        HttpResult first = visitor.get(authorize);
        assertThat(first.status()).isEqualTo(302);
        assertThat(first.header("Location")).endsWith("/login");

        HttpResult login = visitor.logIn(owner.email(), WeftFixtures.PASSWORD);
        assertThat(login.header("Location")).contains("/oauth/authorize?");
        HttpResult back = visitor.get(pathOf(login.header("Location")));
        assertThat(back.header("Location")).contains("/oauth/consent?");
    }

    @Test
    void consentPageShowsTheAppItsRegistrarTheScopesInWordsAndThePicker() {
        HttpResult page = consentPage(user, authorizePath(REDIRECT, "sites:read cms:write", "s1"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Sync Tool").contains("https://sync.example").contains(developer.firstName())
                .contains("See the site: its name, domains and when it was published")
                .contains("Create, change and delete CMS collections and items")
                .contains("workspace:" + site.workspaceId()).contains("site:" + site.id()).contains(site.name());
        assertThat(page.header("Content-Security-Policy")).contains("form-action 'self' https://sync.example");
    }

    @Test
    void scopesSeparatedByPlusOrEncodedPlusAreAccepted() {
        for (String scope : List.of("sites:read+cms:read", "sites:read%2Bcms:read", "sites:read%20cms:read")) {
            HttpResult page = user.get("/oauth/authorize?response_type=code&client_id=" + app.app().clientId()
                    + "&redirect_uri=" + enc(REDIRECT) + "&scope=" + scope + "&state=s");
            assertThat(page.header("Location")).as(scope).contains("/oauth/consent?");
            assertThat(user.get(pathOf(page.header("Location"))).body()).as(scope)
                    .contains("CMS collections and items").contains("See the site: its name");
        }
    }

    @Test
    void unknownClientGetsAnErrorPageAndNoRedirect() {
        HttpResult page = user.get("/oauth/authorize?response_type=code&client_id=" + "0".repeat(64)
                + "&redirect_uri=" + enc(REDIRECT) + "&scope=sites:read&state=s");

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.header("Location")).isNull();
        assertThat(page.body()).contains("No app is registered with this client_id").contains("weft.css");
    }

    @Test
    void unregisteredRedirectUriGetsAnErrorPageAndNoRedirect() {
        for (String redirect : List.of("https://evil.example/callback", REDIRECT + "/x", "http://127.0.0.1:9999/cb")) {
            HttpResult page = user.get(authorizePath(redirect, "sites:read", "s"));
            assertThat(page.status()).as(redirect).isEqualTo(400);
            assertThat(page.header("Location")).as(redirect).isNull();
            assertThat(page.body()).as(redirect).contains("redirect_uri is not one this app registered");
        }
    }

    @Test
    void invalidScopeRedirectsWithInvalidScopeNamingIt() {
        HttpResult answer = user.get(authorizePath(REDIRECT, "sites:read openid sites:write", "st8"));

        assertThat(answer.status()).isEqualTo(302);
        Map<String, String> q = query(URI.create(answer.header("Location")));
        assertThat(answer.header("Location")).startsWith(REDIRECT + "?");
        assertThat(q).containsEntry("error", "invalid_scope")
                .containsEntry("error_description", "The following scopes are invalid: openid, sites:write")
                .containsEntry("state", "st8");
    }

    @Test
    void plainPkceIsRefused() {
        HttpResult answer = user.get(authorizePath(REDIRECT, "sites:read", "s") + "&code_challenge=abc&code_challenge_method=plain");

        assertThat(query(URI.create(answer.header("Location")))).containsEntry("error", "invalid_request");
    }

    @Test
    void denyRedirectsWithAccessDeniedAndTheState() {
        HttpResult page = consentPage(user, authorizePath(REDIRECT, "sites:read", "keep-me"));
        String consentState = find(page.body(), HIDDEN_STATE);

        HttpResult answer = user.postRaw("/oauth/authorize", Map.of("client_id", app.app().clientId(), "state", consentState));

        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.header("Location")).startsWith(REDIRECT + "?");
        assertThat(query(URI.create(answer.header("Location")))).containsEntry("error", "access_denied")
                .containsEntry("state", "keep-me").doesNotContainKey("code");
        assertThat(jdbc.sql("select count(*) from oauth_authorizations where app_id = ?").param(app.app().id())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void allowWithoutAPickShowsTheConsentPageAgainWithAMessage() {
        HttpResult page = consentPage(user, authorizePath(REDIRECT, "sites:read", "s"));
        String consentState = find(page.body(), HIDDEN_STATE);

        HttpResult answer = user.postPairs("/oauth/authorize", List.of(new String[] {"client_id", app.app().clientId()},
                new String[] {"state", consentState}, new String[] {"scope", "sites:read"}));

        assertThat(answer.header("Location")).contains("/oauth/consent?").contains("error=pick");
        assertThat(user.get(pathOf(answer.header("Location"))).body()).contains("Pick at least one workspace or site");
        URI callback = URI.create(user.postPairs("/oauth/authorize", List.of(new String[] {"client_id", app.app().clientId()},
                new String[] {"state", consentState}, new String[] {"scope", "sites:read"},
                new String[] {"target", "site:" + site.id()})).header("Location"));
        assertThat(query(callback)).containsKey("code");
    }

    @Test
    void pickOfASiteTheUserDoesNotAdministerIsIgnored() {
        Site foreign = fixtures.site(fixtures.user());
        HttpResult page = consentPage(user, authorizePath(REDIRECT, "sites:read", "s"));
        String consentState = find(page.body(), HIDDEN_STATE);

        HttpResult answer = user.postPairs("/oauth/authorize", List.of(new String[] {"client_id", app.app().clientId()},
                new String[] {"state", consentState}, new String[] {"scope", "sites:read"},
                new String[] {"target", "site:" + foreign.id()}));

        assertThat(answer.header("Location")).contains("error=pick");
    }

    @Test
    void memberWhoAdministersNothingSeesAMessageInsteadOfAPicker() {
        User member = fixtures.user();
        fixtures.addMember(owner, site, member, Role.MEMBER);
        jdbc.sql("delete from workspace_members where user_id = ? and workspace_id <> ?").params(member.id(), site.workspaceId()).update();

        HttpResult page = consentPage(session(member), authorizePath(REDIRECT, "sites:read", "s"));

        assertThat(page.body()).contains("You don't administer any workspace or site").doesNotContain("id=\"allow\"")
                .contains("id=\"deny\"");
    }

    // --- token endpoints --------------------------------------------------------------------------------------

    @Test
    void tokenEndpointAcceptsJsonAtAccessTokenAndFormWithBasicAtToken() {
        String code1 = code(authorizePath(REDIRECT, "sites:read", "s"));
        Map<String, String> json = new LinkedHashMap<>(Map.of("client_id", app.app().clientId(), "client_secret",
                app.clientSecret(), "code", code1, "grant_type", "authorization_code", "redirect_uri", REDIRECT));
        HttpResult viaJson = post("/oauth/access_token", "application/json", toJson(json));
        assertThat(viaJson.status()).as(viaJson.body()).isEqualTo(200);
        assertThat(viaJson.json().path("access_token").asString()).startsWith("weft_app_");
        assertThat(viaJson.header("Cache-Control")).contains("no-store");
        assertThat(fieldNames(viaJson.json())).containsExactly("access_token", "token_type", "scope");

        String code2 = code(authorizePath(REDIRECT, "sites:read", "s"));
        HttpResult viaForm = post("/oauth/token", "application/x-www-form-urlencoded",
                "grant_type=authorization_code&code=" + enc(code2) + "&redirect_uri=" + enc(REDIRECT),
                "Authorization", basic(app.app().clientId(), app.clientSecret()));
        assertThat(viaForm.status()).as(viaForm.body()).isEqualTo(200);
        assertThat(viaForm.json().path("token_type").asString()).isEqualTo("bearer");
        assertThat(viaForm.body()).doesNotContain(app.clientSecret()).doesNotContain(code2);
    }

    @Test
    void wrongSecretIsInvalidClient401AndNeverEchoesTheSecret() {
        String code = code(authorizePath(REDIRECT, "sites:read", "s"));
        String wrong = apps.regenerateSecret(developer.id(), app.app().id()).clientSecret() + "x";

        for (String path : List.of("/oauth/token", "/oauth/access_token")) {
            HttpResult answer = post(path, "application/x-www-form-urlencoded", "grant_type=authorization_code&code="
                    + enc(code) + "&redirect_uri=" + enc(REDIRECT) + "&client_id=" + app.app().clientId()
                    + "&client_secret=" + enc(wrong));
            assertThat(answer.status()).as(path).isEqualTo(401);
            assertThat(answer.json().path("error").asString()).isEqualTo("invalid_client");
            assertThat(answer.body()).doesNotContain(wrong).doesNotContain(code);
        }
        HttpResult noCredentials = post("/oauth/token", "application/x-www-form-urlencoded", "grant_type=authorization_code&code=x");
        assertThat(noCredentials.status()).isEqualTo(401);
        assertThat(noCredentials.json().path("error").asString()).isEqualTo("invalid_client");
    }

    @Test
    void tokenEndpointErrorsAreRfc6749Json() {
        String secret = app.clientSecret();
        String auth = basic(app.app().clientId(), secret);
        String code = code(authorizePath(REDIRECT, "sites:read", "s"));

        HttpResult missingRedirect = post("/oauth/token", "application/x-www-form-urlencoded",
                "grant_type=authorization_code&code=" + enc(code), "Authorization", auth);
        assertThat(missingRedirect.json().path("error").asString()).isEqualTo("invalid_grant");
        HttpResult unsupported = post("/oauth/token", "application/x-www-form-urlencoded", "grant_type=password&username=a&password=b",
                "Authorization", auth);
        assertThat(unsupported.status()).isEqualTo(400);
        assertThat(unsupported.json().path("error").asString()).isEqualTo("unsupported_grant_type");
        HttpResult noGrant = post("/oauth/token", "application/x-www-form-urlencoded", "code=abc", "Authorization", auth);
        assertThat(noGrant.json().path("error").asString()).isEqualTo("invalid_request");
        HttpResult badJson = post("/oauth/access_token", "application/json", "{\"client_id\":", "Authorization", auth);
        assertThat(badJson.status()).isEqualTo(400);
        assertThat(badJson.json().path("error").asString()).isEqualTo("invalid_request");
        HttpResult unknownCode = post("/oauth/token", "application/x-www-form-urlencoded",
                "grant_type=authorization_code&code=nope&redirect_uri=" + enc(REDIRECT), "Authorization", auth);
        assertThat(unknownCode.json().path("error").asString()).isEqualTo("invalid_grant");
        for (HttpResult r : List.of(missingRedirect, unsupported, noGrant, badJson, unknownCode)) {
            assertThat(r.body()).doesNotContain(secret);
        }
    }

    @Test
    void expiredCodeIsInvalidGrant() {
        String code = code(authorizePath(REDIRECT, "sites:read", "s"));
        jdbc.sql("update oauth_authorization_requests set code_issued_at = ?, code_expires_at = ? where code_digest = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(16 * 60)), Timestamp.from(Instant.now().minusSeconds(1)),
                        digester.digest(code)).update();

        HttpResult answer = post("/oauth/token", "application/x-www-form-urlencoded",
                "grant_type=authorization_code&code=" + enc(code) + "&redirect_uri=" + enc(REDIRECT),
                "Authorization", basic(app.app().clientId(), app.clientSecret()));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    void anAllowWhoseCodeWasNeverExchangedIsForgottenADayLater() {
        String code = code(authorizePath(REDIRECT, "sites:read", "s"));
        String authorizationId = jdbc.sql("select authorization_id from oauth_authorization_requests where code_digest = ?")
                .param(digester.digest(code)).query(String.class).single();
        jdbc.sql("update oauth_authorizations set created_at = ? where id = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(25 * 3600)), authorizationId).update();

        code(authorizePath(REDIRECT, "sites:read", "t")); // any later authorization request tidies up

        assertThat(jdbc.sql("select count(*) from oauth_authorizations where id = ?").param(authorizationId)
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from oauth_authorization_requests where code_digest = ?")
                .param(digester.digest(code)).query(Integer.class).single()).isZero();
    }

    @Test
    void codeIsBoundToTheRedirectUriItWasIssuedFor() {
        String code = code(authorizePath(REDIRECT, "sites:read", "s"));

        HttpResult answer = post("/oauth/token", "application/x-www-form-urlencoded",
                "grant_type=authorization_code&code=" + enc(code) + "&redirect_uri=" + enc("https://sync.example/other"),
                "Authorization", basic(app.app().clientId(), app.clientSecret()));

        assertThat(answer.json().path("error").asString()).isEqualTo("invalid_grant");
    }

    // --- revocation and metadata ---------------------------------------------------------------------------

    @Test
    void revokeAuthorizationTakesJsonOrFormAndAnswersBothKeys() {
        for (String contentType : List.of("application/json", "application/x-www-form-urlencoded")) {
            String token = token(authorizePath(REDIRECT, "sites:read", "s"));
            String body = contentType.equals("application/json")
                    ? toJson(Map.of("client_id", app.app().clientId(), "client_secret", app.clientSecret(), "access_token", token))
                    : "client_id=" + app.app().clientId() + "&client_secret=" + enc(app.clientSecret()) + "&access_token=" + token;

            HttpResult answer = post("/oauth/revoke_authorization", contentType, body);

            assertThat(answer.status()).as(contentType + " " + answer.body()).isEqualTo(200);
            assertThat(answer.json().path("did_revoke").asBoolean()).isTrue();
            assertThat(answer.json().path("didRevoke").asBoolean()).isTrue();
            assertThat(authorizationRow(token).get("revoked_reason")).isEqualTo("revoked_by_app");

            HttpResult again = post("/oauth/revoke_authorization", contentType, body);
            assertThat(again.status()).isEqualTo(400);
            assertThat(again.json().path("error").asString()).isEqualTo("invalid_token");
            assertThat(again.body()).doesNotContain(token);
        }
        HttpResult noToken = post("/oauth/revoke_authorization", "application/json",
                toJson(Map.of("client_id", app.app().clientId(), "client_secret", app.clientSecret())));
        assertThat(noToken.json().path("error").asString()).isEqualTo("invalid_request");
        HttpResult wrongSecret = post("/oauth/revoke_authorization", "application/json",
                toJson(Map.of("client_id", app.app().clientId(), "client_secret", "weft_cs_x", "access_token", "weft_app_x")));
        assertThat(wrongSecret.status()).isEqualTo(401);
        assertThat(wrongSecret.json().path("error").asString()).isEqualTo("invalid_client");
    }

    @Test
    void rfc7009RevokeAnswers200EvenForUnknownTokens() {
        String auth = basic(app.app().clientId(), app.clientSecret());
        String token = token(authorizePath(REDIRECT, "sites:read", "s"));

        assertThat(post("/oauth/revoke", "application/x-www-form-urlencoded", "token=" + token, "Authorization", auth).status())
                .isEqualTo(200);
        assertThat(authorizationRow(token).get("revoked_at")).isNotNull();
        assertThat(post("/oauth/revoke", "application/x-www-form-urlencoded", "token=unknown", "Authorization", auth).status())
                .isEqualTo(200);
        assertThat(post("/oauth/revoke", "application/x-www-form-urlencoded", "token=" + token).status()).isEqualTo(401);
    }

    @Test
    void introspectionShowsOnlyTheClientsOwnLiveTokens() {
        String auth = basic(app.app().clientId(), app.clientSecret());
        String token = token(authorizePath(REDIRECT, "sites:read", "s"));

        HttpResult live = post("/oauth/introspect", "application/x-www-form-urlencoded", "token=" + token, "Authorization", auth);
        assertThat(live.json().path("active").asBoolean()).as(live.body()).isTrue();
        assertThat(live.json().path("scope").asString()).isEqualTo("sites:read");
        RegisteredApp other = apps.register(developer.id(), fixtures.personalWorkspace(developer), new AppDetails("Other",
                "", "https://other.example", List.of(REDIRECT), List.of("sites:read")));
        HttpResult foreign = post("/oauth/introspect", "application/x-www-form-urlencoded", "token=" + token,
                "Authorization", basic(other.app().clientId(), other.clientSecret()));
        assertThat(foreign.json().path("active").asBoolean()).isFalse();
    }

    @Test
    void metadataDescribesTheCodeFlowOnly() {
        HttpResult metadata = api().get("/.well-known/oauth-authorization-server", null);

        assertThat(metadata.status()).isEqualTo(200);
        JsonNode m = metadata.json();
        assertThat(m.path("issuer").asString()).isEqualTo(baseUrl());
        assertThat(m.path("authorization_endpoint").asString()).isEqualTo(baseUrl() + "/oauth/authorize");
        assertThat(m.path("token_endpoint").asString()).isEqualTo(baseUrl() + "/oauth/token");
        assertThat(m.path("revocation_endpoint").asString()).isEqualTo(baseUrl() + "/oauth/revoke");
        assertThat(strings(m.path("scopes_supported"))).isEqualTo(Scopes.ALL);
        assertThat(strings(m.path("response_types_supported"))).containsExactly("code");
        assertThat(strings(m.path("grant_types_supported"))).containsExactly("authorization_code");
        assertThat(strings(m.path("code_challenge_methods_supported"))).containsExactly("S256");
        assertThat(strings(m.path("token_endpoint_auth_methods_supported")))
                .containsExactly("client_secret_basic", "client_secret_post");
        assertThat(m.has("jwks_uri")).isFalse();
        assertThat(api().get("/.well-known/openid-configuration", null).status()).isNotEqualTo(200);
    }

    @Test
    void deletingTheAppEndsItsAuthorizations() {
        String token = token(authorizePath(REDIRECT, "sites:read", "s"));

        apps.delete(developer.id(), app.app().id(), "127.0.0.1");

        assertThat(jdbc.sql("select count(*) from oauth_authorizations where token_digest = ?").param(digester.digest(token))
                .query(Integer.class).single()).isZero();
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private OAuthClientScript script() {
        return new OAuthClientScript(baseUrl(), app.app().clientId(), app.clientSecret());
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    private DashboardSession session(User u) {
        DashboardSession s = new DashboardSession(baseUrl());
        s.logIn(u.email(), WeftFixtures.PASSWORD);
        return s;
    }

    private String authorizePath(String redirect, String scope, String state) {
        return "/oauth/authorize?response_type=code&client_id=" + app.app().clientId() + "&redirect_uri=" + enc(redirect)
                + "&scope=" + enc(scope) + "&state=" + enc(state);
    }

    /** GET the authorize URL and follow its redirect to the consent page. */
    private HttpResult consentPage(DashboardSession s, String authorizePath) {
        HttpResult authorize = s.get(authorizePath);
        assertThat(authorize.status()).as(authorize.body()).isEqualTo(302);
        assertThat(authorize.header("Location")).contains("/oauth/consent?");
        return s.get(pathOf(authorize.header("Location")));
    }

    /** The user allows on the consent page with {@code targets} picked; returns where Weft sends them back. */
    private URI allow(DashboardSession s, String authorizeUrl, String... targets) {
        HttpResult page = consentPage(s, pathOf(authorizeUrl));
        List<String[]> form = new ArrayList<>();
        form.add(new String[] {"client_id", app.app().clientId()});
        form.add(new String[] {"state", find(page.body(), HIDDEN_STATE)});
        Matcher scopes = Pattern.compile("name=\"scope\" value=\"([^\"]+)\"").matcher(page.body());
        while (scopes.find()) {
            form.add(new String[] {"scope", scopes.group(1)});
        }
        for (String t : targets) {
            form.add(new String[] {"target", t});
        }
        HttpResult answer = s.postPairs("/oauth/authorize", form);
        assertThat(answer.status()).as(answer.body()).isEqualTo(302);
        return URI.create(answer.header("Location"));
    }

    private String code(String authorizePath) {
        URI callback = allow(user, baseUrl() + authorizePath, "site:" + site.id());
        assertThat(callback.toString()).startsWith(REDIRECT + "?");
        return query(callback).get("code");
    }

    private String token(String authorizePath) {
        String code = code(authorizePath);
        HttpResult answer = post("/oauth/token", "application/x-www-form-urlencoded",
                "grant_type=authorization_code&code=" + enc(code) + "&redirect_uri=" + enc(REDIRECT),
                "Authorization", basic(app.app().clientId(), app.clientSecret()));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().path("access_token").asString();
    }

    private HttpResult post(String path, String contentType, String body, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = contentType;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return api().send(path, "POST", all, body);
    }

    private Map<String, Object> authorizationRow(String token) {
        return jdbc.sql("select * from oauth_authorizations where token_digest = ?").param(digester.digest(token))
                .query().singleRow().entrySet().stream().collect(LinkedHashMap::new,
                        (m, e) -> m.put(e.getKey().toLowerCase(), e.getValue()), Map::putAll);
    }

    private List<String> grants(Map<String, Object> authorization) {
        return jdbc.sql("select target_type, target_id, excluded from oauth_grants where authorization_id = ?")
                .param(authorization.get("id"))
                .query((rs, n) -> rs.getString(1) + ":" + rs.getString(2) + ":" + rs.getBoolean(3)).list();
    }

    private List<Map<String, Object>> everyOAuthRow() {
        List<Map<String, Object>> rows = new ArrayList<>(jdbc.sql("select * from oauth_authorizations").query().listOfRows());
        rows.addAll(jdbc.sql("select * from oauth_authorization_requests").query().listOfRows());
        return rows;
    }

    private static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((enc(id) + ":" + enc(secret)).getBytes(StandardCharsets.UTF_8));
    }

    private String pathOf(String url) {
        return url.startsWith(baseUrl()) ? url.substring(baseUrl().length()) : url;
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> q = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            q.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return q;
    }

    private static String find(String text, Pattern pattern) {
        Matcher m = pattern.matcher(text);
        assertThat(m.find()).as("pattern " + pattern + " in page").isTrue();
        return m.group(1);
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String toJson(Map<String, String> values) {
        return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(values);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }
}
