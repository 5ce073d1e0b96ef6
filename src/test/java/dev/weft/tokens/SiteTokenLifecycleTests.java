package dev.weft.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.accounts.Role;
import dev.weft.accounts.User;
import dev.weft.sites.Site;
import dev.weft.sites.SiteService;
import dev.weft.testsupport.DashboardSession;
import dev.weft.testsupport.HttpResult;
import dev.weft.testsupport.WeftFixtures;
import dev.weft.testsupport.WeftHttpTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 5, parts 1 and 3, over real HTTP: named site tokens with their own scopes (at most five per site, revoked
 * one by one, made and managed in the dashboard) and rotation with an overlap (both tokens work until the overlap
 * ends or Retire now; the old token's calls since the rotation are counted). Run on H2 and on PostgreSQL.
 */
abstract class SiteTokenLifecycleTests extends WeftHttpTest {

    private static final Pattern TOKEN = Pattern.compile("value=\"(weft_site_[0-9A-Za-z]{36})\"");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SiteService sites;

    User owner;
    Site site;
    DashboardSession dashboard;
    String integrations;

    @BeforeEach
    void ownerSiteAndDashboard() {
        owner = fixtures.user();
        site = fixtures.site(owner);
        sites.setRateLimit(owner.id(), site.id(), 6000);
        dashboard = new DashboardSession("http://127.0.0.1:" + port);
        dashboard.logIn(owner.email(), WeftFixtures.PASSWORD);
        integrations = "/dashboard/sites/" + site.id() + "/settings/integrations";
        dashboard.get(integrations);
    }

    // --- named tokens and their scopes ---------------------------------------------------------------------------

    @Test
    void namedTokenCreatedInTheDashboardIsShownOnceAndCallsWithItsOwnScopes() {
        HttpResult created = dashboard.post(integrations + "/api-tokens",
                Map.of("name", "Site reader", "access-sites", "read", "access-cms", "none", "expiresOn", ""));

        assertThat(created.status()).isEqualTo(200);
        assertThat(created.header("Cache-Control")).contains("no-store");
        String token = find(created.body(), TOKEN);
        assertThat(created.body()).contains("Securely store your API Token").contains("Site reader");
        assertThat(api().get("/v2/sites", token).status()).isEqualTo(200);
        assertThat(api().get("/sites/" + site.id(), token).status()).isEqualTo(200);
        HttpResult user = api().get("/user", token);
        assertThat(user.status()).isEqualTo(403);
        assertThat(user.json().get("msg").asString()).contains("authorized_user:read");

        String page = dashboard.get(integrations).body();
        assertThat(page).doesNotContain(token).contains("Site reader").contains("Sites: Read-only")
                .contains("weft_site_…" + token.substring(token.length() - 4));
        assertThat(stored(token, "scopes")).isEqualTo("sites:read");
    }

    @Test
    void namedTokenWithoutSitesAccessGets403MissingScopesOnTheSitesRoutes() {
        String token = fixtures.namedToken(owner, site, "CMS only", "none", "write", null).token();

        HttpResult v2 = api().get("/v2/sites/" + site.id(), token);
        HttpResult v1 = api().get("/sites", token);

        assertThat(v2.status()).isEqualTo(403);
        assertThat(v2.json().get("code").asString()).isEqualTo("missing_scopes");
        assertThat(v2.header("WWW-Authenticate")).contains("insufficient_scope").contains("sites:read");
        assertThat(v1.status()).isEqualTo(403);
        assertThat(stored(token, "scopes")).isEqualTo("cms:read cms:write");
    }

    @Test
    void legacyTokenKeepsEveryScopeAndIsMarkedLegacyInTheList() {
        String legacy = fixtures.siteToken(owner, site);

        assertThat(api().get("/user", legacy).status()).isEqualTo(200);
        assertThat(dashboard.get(integrations).body()).contains("Legacy API token").contains("class=\"badge\">Legacy<")
                .contains("Every scope");
    }

    @Test
    void aSiteHasAtMostFiveNamedTokensNotCountingTheLegacyOneAndRevokingOneMakesRoom() {
        fixtures.siteToken(owner, site);
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            HttpResult created = dashboard.post(integrations + "/api-tokens",
                    Map.of("name", "Token " + i, "access-sites", "read", "access-cms", "read"));
            assertThat(created.status()).as(created.body()).isEqualTo(200);
            ids.add(id(find(created.body(), TOKEN)));
        }

        HttpResult sixth = dashboard.post(integrations + "/api-tokens", Map.of("name", "Token 6", "access-sites", "read"));

        assertThat(sixth.status()).isEqualTo(422);
        assertThat(sixth.body()).contains("already has 5 API tokens").doesNotContain("value=\"weft_site_");
        assertThat(sixth.body()).contains("id=\"token-limit\"").doesNotContain("id=\"create-token\"");

        assertThat(dashboard.post(integrations + "/api-tokens/" + ids.getFirst() + "/revoke", Map.of()).status()).isEqualTo(302);
        dashboard.get(integrations);
        assertThat(dashboard.post(integrations + "/api-tokens", Map.of("name", "Token 6", "access-sites", "read")).status())
                .isEqualTo(200);
    }

    @Test
    void namedTokenNeedsANameAndAtLeastOneScope() {
        HttpResult noScope = dashboard.post(integrations + "/api-tokens", Map.of("name", "Nothing", "access-sites", "none"));
        HttpResult noName = dashboard.post(integrations + "/api-tokens", Map.of("name", " ", "access-sites", "read"));
        HttpResult pastDate = dashboard.post(integrations + "/api-tokens",
                Map.of("name", "Old", "access-sites", "read", "expiresOn", "2001-01-01"));

        assertThat(noScope.status()).isEqualTo(422);
        assertThat(noScope.body()).contains("at least one resource");
        assertThat(noName.status()).isEqualTo(422);
        assertThat(pastDate.status()).isEqualTo(422);
        assertThat(pastDate.body()).contains("must be in the future");
        assertThat(jdbc.sql("select count(*) from site_tokens where site_id = ?").param(site.id()).query(Integer.class).single())
                .isZero();
    }

    @Test
    void revokingOneTokenStopsItAtOnceLeavesTheOthersAndKeepsItListedWithWhoRevokedIt() {
        IssuedToken first = fixtures.namedToken(owner, site, "First", "read", "none", null);
        IssuedToken second = fixtures.namedToken(owner, site, "Second", "read", "none", null);
        assertThat(api().get("/v2/sites", first.token()).status()).isEqualTo(200); // cached now

        assertThat(dashboard.get(integrations + "/api-tokens/" + first.details().id() + "/revoke").body())
                .contains("confirm-revoke").contains("stops working at once");
        HttpResult revoked = dashboard.post(integrations + "/api-tokens/" + first.details().id() + "/revoke", Map.of());

        assertThat(revoked.status()).isEqualTo(302);
        HttpResult refused = api().get("/v2/sites", first.token());
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("message").asString()).contains("revoked");
        assertThat(api().get("/v2/sites", second.token()).status()).isEqualTo(200);
        String page = dashboard.get(integrations).body();
        assertThat(page).contains("id=\"ended-" + first.details().id() + "\"").contains("revoked by " + owner.displayName());
        assertThat(audit("token.revoked")).containsExactly(first.details().id() + " First " + first.details().hint()
                + " by " + owner.id() + " from 127.0.0.1");
    }

    @Test
    void membersCannotCreateRotateOrRevokeTokens() {
        IssuedToken named = fixtures.namedToken(owner, site, "Owner's", "read", "none", null);
        User member = fixtures.user();
        fixtures.addMember(owner, site, member, Role.MEMBER);
        DashboardSession memberSession = new DashboardSession("http://127.0.0.1:" + port);
        memberSession.logIn(member.email(), WeftFixtures.PASSWORD);
        memberSession.get("/dashboard");
        String tokenPath = integrations + "/api-tokens/" + named.details().id();

        assertThat(memberSession.post(integrations + "/api-tokens", Map.of("name", "x", "access-sites", "read")).status())
                .isEqualTo(403);
        assertThat(memberSession.post(tokenPath + "/rotate", Map.of("overlap", "1h")).status()).isEqualTo(403);
        assertThat(memberSession.post(tokenPath + "/revoke", Map.of()).status()).isEqualTo(403);
        assertThat(memberSession.post(tokenPath + "/retire", Map.of()).status()).isEqualTo(403);
        assertThat(api().get("/v2/sites", named.token()).status()).isEqualTo(200);
    }

    // --- rotation with an overlap --------------------------------------------------------------------------------

    @Test
    void rotationWithAnOverlapKeepsBothTokensWorkingAndTheNewOneKeepsNameAndScopes() {
        IssuedToken old = fixtures.namedToken(owner, site, "Sync job", "read", "write", null);

        HttpResult rotated = dashboard.post(integrations + "/api-tokens/" + old.details().id() + "/rotate",
                Map.of("overlap", "1h"));

        String fresh = find(rotated.body(), TOKEN);
        assertThat(fresh).isNotEqualTo(old.token());
        HttpResult withOld = api().get("/v2/sites", old.token());
        HttpResult withNew = api().get("/v2/sites", fresh);
        assertThat(withOld.status()).isEqualTo(200);
        assertThat(withNew.status()).isEqualTo(200);
        Instant retireAt = Instant.parse(withOld.header("Weft-Token-Expiration"));
        assertThat(Duration.between(Instant.now(), retireAt)).isBetween(Duration.ofMinutes(58), Duration.ofMinutes(61));
        assertThat(withNew.header("Weft-Token-Expiration")).isNull();
        assertThat(stored(fresh, "token_name")).isEqualTo("Sync job");
        assertThat(stored(fresh, "scopes")).isEqualTo("cms:read cms:write sites:read");
        assertThat(audit("token.rotated")).singleElement().asString().contains("Sync job").contains("overlap: 1 hour");
    }

    @Test
    void pageCountsTheOldTokensCallsSinceTheRotationAndWhenLast() throws Exception {
        IssuedToken old = fixtures.namedToken(owner, site, "Counted", "read", "none", null);
        for (int i = 0; i < 4; i++) {
            api().get("/v2/sites", old.token()); // before the rotation: not counted
        }
        dashboard.post(integrations + "/api-tokens/" + old.details().id() + "/rotate", Map.of("overlap", "24h"));
        for (int i = 0; i < 3; i++) {
            assertThat(api().get("/v2/sites", old.token()).status()).isEqualTo(200);
        }

        String page = dashboard.get(integrations).body();
        for (int i = 0; i < 20 && !page.contains("class=\"calls-since-rotation\">3<"); i++) {
            Thread.sleep(100); // the last call is counted just after its answer was sent
            page = dashboard.get(integrations).body();
        }

        assertThat(page).contains("id=\"overlap-" + old.details().id() + "\"");
        assertThat(find(page, Pattern.compile("class=\"calls-since-rotation\">(\\d+)<"))).isEqualTo("3");
        assertThat(page).contains("the last at ");
    }

    @Test
    void retireNowEndsTheOverlapAtOnce() {
        IssuedToken old = fixtures.namedToken(owner, site, "Retired", "read", "none", null);
        String fresh = find(dashboard.post(integrations + "/api-tokens/" + old.details().id() + "/rotate",
                Map.of("overlap", "7d")).body(), TOKEN);
        assertThat(api().get("/v2/sites", old.token()).status()).isEqualTo(200);

        dashboard.get(integrations);
        HttpResult retired = dashboard.post(integrations + "/api-tokens/" + old.details().id() + "/retire", Map.of());

        assertThat(retired.status()).isEqualTo(302);
        assertThat(api().get("/v2/sites", old.token()).status()).isEqualTo(401);
        assertThat(api().get("/v2/sites", fresh).status()).isEqualTo(200);
        assertThat(stored(old.token(), "revoked_reason")).isEqualTo("rotated");
        assertThat(audit("token.retired")).singleElement().asString().contains(old.details().id()).contains("127.0.0.1");
        assertThat(dashboard.get(integrations).body()).contains("id=\"ended-" + old.details().id() + "\"");
    }

    @Test
    void generateNewApiTokenWithAnOverlapKeepsTheOldLegacyTokenUntilItEnds() {
        String old = fixtures.siteToken(owner, site);
        assertThat(dashboard.get(integrations + "/api-token/regenerate").body())
                .contains("break every integration that uses it").contains("overlap-1h").contains("overlap-7d");

        String fresh = find(dashboard.post(integrations + "/api-token/regenerate", Map.of("overlap", "24h")).body(), TOKEN);

        assertThat(api().get("/sites", old).status()).isEqualTo(200);
        assertThat(api().get("/sites", fresh).status()).isEqualTo(200);
        assertThat(jdbc.sql("select id from site_tokens where legacy_site_id = ?").param(site.id()).query(String.class).single())
                .isEqualTo(id(fresh));
        assertThat(dashboard.get(integrations).body()).contains("weft_site_…" + fresh.substring(fresh.length() - 4))
                .contains("id=\"overlap-" + id(old) + "\"");
    }

    @Test
    void generateNewApiTokenDefaultsToRetiringTheOldTokenNow() {
        String old = fixtures.siteToken(owner, site);

        String fresh = find(dashboard.post(integrations + "/api-token/regenerate", Map.of()).body(), TOKEN);

        assertThat(api().get("/sites", old).status()).isEqualTo(401);
        assertThat(api().get("/sites", fresh).status()).isEqualTo(200);
        assertThat(stored(old, "revoked_reason")).isEqualTo("regenerated");
    }

    @Test
    void bothTokensServeConcurrentCallsDuringTheOverlapAndNoCallAfterRetireNowIsAccepted() throws Exception {
        IssuedToken old = fixtures.namedToken(owner, site, "Busy", "read", "none", null);
        IssuedToken fresh = fixtures.rotate(owner, site, old.details().id(), Overlap.HOUR);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong retiredAt = new AtomicLong(Long.MAX_VALUE);
        AtomicBoolean retiring = new AtomicBoolean();
        List<String> failures = new CopyOnWriteArrayList<>();
        AtomicLong calls = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> callers = new ArrayList<>();
            for (int c = 0; c < 6; c++) {
                boolean useOld = c % 2 == 0;
                callers.add(pool.submit(() -> {
                    while (running.get()) {
                        long started = System.nanoTime();
                        boolean retired = retiredAt.get() < started;
                        int status = api().get("/v2/sites", useOld ? old.token() : fresh.token()).status();
                        calls.incrementAndGet();
                        if (!useOld && status != 200) {
                            failures.add("new token got " + status);
                        } else if (useOld && retired && status != 401) {
                            failures.add("old token accepted (" + status + ") after Retire now returned");
                        } else if (useOld && !retiring.get() && status != 200) {
                            failures.add("old token refused (" + status + ") during the overlap");
                        }
                    }
                    return null;
                }));
            }
            long warm = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (calls.get() < 100 && System.nanoTime() < warm) {
                Thread.sleep(5);
            }
            retiring.set(true);
            fixtures.retireNow(owner, site, old.details().id());
            retiredAt.set(System.nanoTime());
            long after = calls.get();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (calls.get() < after + 100 && System.nanoTime() < until) {
                Thread.sleep(5);
            }
            running.set(false);
            for (Future<?> f : callers) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(failures).isEmpty();
        assertThat(calls.get()).isGreaterThanOrEqualTo(200);
        assertThat(api().get("/v2/sites", old.token()).status()).isEqualTo(401);
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private String id(String token) {
        return stored(token, "id");
    }

    private String stored(String token, String column) {
        return jdbc.sql("select " + column + " from site_tokens where digest = ?").param(digester.digest(token))
                .query(String.class).single();
    }

    @Autowired
    TokenDigester digester;

    /** The site's audit events of one action as "subject label by user from address[: detail]". */
    private List<String> audit(String action) {
        return jdbc.sql("""
                select subject_id, subject_label, actor_user_id, client_address, detail from site_audit_events
                where site_id = ? and action = ? order by at""")
                .params(site.id(), action)
                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " by " + rs.getString(3) + " from "
                        + rs.getString(4) + (rs.getString(5) == null ? "" : ": " + rs.getString(5)))
                .list();
    }

    private static String find(String text, Pattern pattern) {
        Matcher m = pattern.matcher(text);
        assertThat(m.find()).as("pattern %s in response", pattern).isTrue();
        return m.group(1);
    }
}
