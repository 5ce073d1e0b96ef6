package dev.weft.leaks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.accounts.Role;
import dev.weft.accounts.User;
import dev.weft.audit.AuditAction;
import dev.weft.audit.AuditEvent;
import dev.weft.audit.AuditLog;
import dev.weft.oauth.AppDetails;
import dev.weft.oauth.AppService;
import dev.weft.oauth.RegisteredApp;
import dev.weft.sites.Site;
import dev.weft.testsupport.ApiClient;
import dev.weft.testsupport.DashboardSession;
import dev.weft.testsupport.HttpResult;
import dev.weft.testsupport.WeftFixtures;
import dev.weft.testsupport.WeftHttpTest;
import dev.weft.tokens.TokenDigester;
import dev.weft.tokens.TokenFormat;
import dev.weft.tokens.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /credentials/revoke} over real HTTP: valid site and app tokens are revoked at once, garbage and
 * typos are ignored, the answer is the same whatever the list held, malformed bodies are 400, the rate limit is
 * per client address, nothing of a token reaches the logs, and the site's owners see the report.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class LeakReportTests extends WeftHttpTest {

    /** Each test reports from loopback addresses of its own, so that one test's rate limit never meets another's. */
    private static final AtomicInteger ADDRESSES = new AtomicInteger(10);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TokenDigester digester;
    @Autowired
    AuditLog audit;
    @Autowired
    AppService apps;

    User owner;
    Site site;
    String siteToken;
    String appToken;

    @BeforeEach
    void siteWithASiteTokenAndAnAppToken() {
        owner = fixtures.user();
        site = fixtures.site(owner);
        siteToken = fixtures.siteToken(owner, site);
        appToken = fixtures.appToken(owner, fixtures.app(fixtures.user()), List.of("sites:read"), List.of(),
                List.of(site.id())).token();
    }

    @Test
    void reportRevokesEveryValidSiteAndAppTokenAtOnce() {
        assertThat(api().get("/v2/sites", siteToken).status()).isEqualTo(200);
        assertThat(api().get("/v2/sites", appToken).status()).isEqualTo(200);
        String address = nextAddress();

        HttpResult answer = report(address, List.of(siteToken, appToken), "found in a public gist");

        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        assertThat(api().get("/v2/sites", siteToken).status()).isEqualTo(401);
        assertThat(api().get("/sites", siteToken).status()).isEqualTo(401);
        assertThat(api().get("/v2/sites", appToken).status()).isEqualTo(401);
        assertThat(jdbc.sql("select revoked_reason from site_tokens where digest = ?").param(digester.digest(siteToken))
                .query(String.class).single()).isEqualTo("reported_leaked");
        assertThat(jdbc.sql("select revoked_reason from oauth_authorizations where token_digest = ?")
                .param(digester.digest(appToken)).query(String.class).single()).isEqualTo("reported_leaked");
        List<AuditEvent> events = audit.page(owner.id(), site.id(), 0).events();
        assertThat(events).filteredOn(e -> e.action() == AuditAction.TOKEN_REPORTED_LEAKED).hasSize(2)
                .allSatisfy(e -> {
                    assertThat(e.actorUserId()).isNull();
                    assertThat(e.actorLabel()).isEqualTo("leak report");
                    assertThat(e.clientAddress()).isEqualTo(address);
                    assertThat(e.detail()).isEqualTo("found in a public gist");
                })
                .extracting(AuditEvent::subjectLabel)
                .anySatisfy(l -> assertThat(l).contains(TokenFormat.hint(siteToken)))
                .anySatisfy(l -> assertThat(l).contains(TokenFormat.hint(appToken)));
    }

    @Test
    void reportIgnoresGarbageTyposUnknownTokensAndLeavesUnlistedTokensAlone() {
        User other = fixtures.user();
        Site otherSite = fixtures.site(other);
        String unlisted = fixtures.siteToken(other, otherSite);
        String typo = siteToken.substring(0, siteToken.length() - 1)
                + (siteToken.endsWith("a") ? "b" : "a"); // checksum fails: skipped without database access

        HttpResult answer = report(nextAddress(), List.of("", "not a token", "weft_site_", typo,
                TokenFormat.generate(TokenKind.SITE), TokenFormat.generate(TokenKind.APP), "x".repeat(5000)), null);

        assertThat(answer.status()).isEqualTo(202);
        assertThat(api().get("/v2/sites", siteToken).status()).isEqualTo(200);
        assertThat(api().get("/v2/sites", appToken).status()).isEqualTo(200);
        assertThat(api().get("/v2/sites", unlisted).status()).isEqualTo(200);
        assertThat(reportsOf(site)).isZero();
    }

    @Test
    void theAnswerIsTheSameForAllValidAllInvalidAndMixedLists() {
        Site second = fixtures.site(owner);
        String secondToken = fixtures.siteToken(owner, second);
        String address = nextAddress();

        HttpResult allInvalid = report(address, List.of(TokenFormat.generate(TokenKind.SITE), "garbage"), "n");
        HttpResult mixed = report(address, List.of(siteToken, "garbage", TokenFormat.generate(TokenKind.APP)), "n");
        HttpResult allValid = report(address, List.of(secondToken, appToken), "n");
        HttpResult alreadyRevoked = report(address, List.of(siteToken, secondToken), "n");

        for (HttpResult answer : List.of(allInvalid, mixed, allValid, alreadyRevoked)) {
            assertThat(answer.status()).isEqualTo(202);
            assertThat(answer.body()).isEqualTo("{}");
            assertThat(headers(answer)).isEqualTo(headers(allInvalid));
        }
        assertThat(api().get("/v2/sites", secondToken).status()).isEqualTo(401);
    }

    @Test
    void malformedBodiesAre400WithAJsonErrorThatRepeatsNothingOfTheBody() {
        String address = nextAddress();
        List<String> bodies = List.of("", "not json " + siteToken, "[\"" + siteToken + "\"]", "\"" + siteToken + "\"",
                "{}", "{\"credentials\":[]}", "{\"credentials\":\"" + siteToken + "\"}",
                "{\"credentials\":[1]}", "{\"credentials\":[\"" + siteToken + "\"],\"note\":7}",
                "{\"credentials\":[\"" + siteToken + "\"],\"note\":\"" + "n".repeat(1001) + "\"}",
                "{\"credentials\":[\"" + siteToken + "\"],\"token\":\"" + siteToken + "\"}",
                "{\"credentials\":[\"" + siteToken + "\"]} trailing", json(Map.of("credentials",
                        IntStream.range(0, 1001).mapToObj(i -> "x").toList())));
        for (String body : bodies) {
            HttpResult answer = post(address, "application/json", body);

            assertThat(answer.status()).as(body.length() > 80 ? body.substring(0, 80) : body).isEqualTo(400);
            assertThat(answer.header("Content-Type")).startsWith("application/json");
            assertThat(answer.json().path("code").asString()).isEqualTo("bad_request");
            assertThat(answer.json().path("message").asString()).isNotBlank();
            assertThat(answer.body()).doesNotContain(siteToken).doesNotContain("trailing").doesNotContain("not json");
        }
        HttpResult form = post(address, "application/x-www-form-urlencoded", "credentials=" + siteToken);
        assertThat(form.status()).isEqualTo(415);
        assertThat(form.json().path("message").asString()).contains("application/json");
        assertThat(api().get("/v2/sites", siteToken).status()).as("nothing was revoked").isEqualTo(200);
    }

    @Test
    void moreReportsThanTheLimitFromOneAddressAre429WithRetryAfterAndOtherAddressesAreNotSlowed() {
        String address = nextAddress();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            statuses.add(report(address, List.of("garbage"), null).status());
        }
        assertThat(statuses).containsOnly(202);

        HttpResult limited = report(address, List.of(siteToken), null);

        assertThat(limited.status()).isEqualTo(429);
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 3600L);
        assertThat(limited.json().path("code").asString()).isEqualTo("too_many_requests");
        assertThat(api().get("/v2/sites", siteToken).status()).as("a refused report revokes nothing").isEqualTo(200);
        assertThat(report(nextAddress(), List.of(siteToken), null).status()).isEqualTo(202);
        assertThat(api().get("/v2/sites", siteToken).status()).isEqualTo(401);
    }

    @Test
    void noReportedTokenReachesTheLogs(CapturedOutput output) {
        String typo = appToken.substring(0, appToken.length() - 1) + (appToken.endsWith("a") ? "b" : "a");

        report(nextAddress(), List.of(siteToken, appToken, typo, TokenFormat.generate(TokenKind.CLIENT_SECRET)), "note");
        post(nextAddress(), "application/json", "{\"credentials\":[\"" + siteToken + "\"");

        assertThat(output.getAll()).doesNotContain(siteToken).doesNotContain(appToken).doesNotContain(typo)
                .doesNotContainPattern("weft_(site|app|cs)_[0-9A-Za-z]{36}");
    }

    @Test
    void aClientSecretIsRecordedForTheAppsWorkspaceAndKeepsWorking() {
        User developer = fixtures.user();
        RegisteredApp app = apps.register(developer.id(), fixtures.personalWorkspace(developer), new AppDetails(
                "Leaky App", "", "https://leaky.example", List.of("https://leaky.example/cb"), List.of("sites:read")));

        assertThat(report(nextAddress(), List.of(app.clientSecret()), "in a CI log").status()).isEqualTo(202);

        assertThat(apps.authenticateClient(app.app().clientId(), app.clientSecret())).isPresent();
        assertThat(jdbc.sql("""
                select count(*) from leak_reports where credential_kind = 'client_secret' and credential_id = ?
                  and workspace_id = ? and note = 'in a CI log'""")
                .params(app.app().id(), app.app().workspaceId()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theOwnerSeesTheReportOnTheIntegrationsPageAndMembersDoNot() {
        User member = fixtures.user();
        fixtures.addMember(owner, site, member, Role.MEMBER);
        String address = nextAddress();
        report(address, List.of(siteToken, appToken), "<script>alert(1)</script> found on pastebin");

        String page = session(owner).get(integrations()).body();

        assertThat(page).contains("id=\"reported-leaks\"").contains(TokenFormat.hint(siteToken))
                .contains(TokenFormat.hint(appToken)).contains(address)
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; found on pastebin")
                .doesNotContain("<script>alert(1)</script>")
                .doesNotContain(siteToken).doesNotContain(appToken);
        assertThat(reportsOf(site)).isEqualTo(2);
        HttpResult asMember = session(member).get(integrations());
        assertThat(asMember.status()).isEqualTo(200);
        assertThat(asMember.body()).doesNotContain("id=\"reported-leaks\"").doesNotContain(address);
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private static String nextAddress() {
        return "127.0.0." + ADDRESSES.incrementAndGet();
    }

    private HttpResult report(String address, List<String> credentials, String note) {
        Map<String, Object> body = new TreeMap<>();
        body.put("credentials", credentials);
        if (note != null) {
            body.put("note", note);
        }
        return post(address, "application/json", json(body));
    }

    private HttpResult post(String address, String contentType, String body) {
        return new ApiClient(api().baseUrl(), address).send("/credentials/revoke", "POST",
                new String[] {"Content-Type", contentType}, body);
    }

    private static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    /** The answer's headers but its date, which ticks. */
    private static Map<String, List<String>> headers(HttpResult answer) {
        return answer.headers().map().entrySet().stream()
                .filter(e -> !e.getKey().equalsIgnoreCase("date"))
                .collect(Collectors.toMap(e -> e.getKey().toLowerCase(), Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }

    private long reportsOf(Site s) {
        return jdbc.sql("select count(*) from leak_report_sites where site_id = ?").param(s.id()).query(Long.class).single();
    }

    private String integrations() {
        return "/dashboard/sites/" + site.id() + "/settings/integrations";
    }

    private DashboardSession session(User user) {
        DashboardSession s = new DashboardSession(api().baseUrl());
        s.logIn(user.email(), WeftFixtures.PASSWORD);
        return s;
    }
}
