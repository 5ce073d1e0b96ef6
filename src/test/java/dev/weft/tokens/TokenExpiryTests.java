package dev.weft.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.accounts.User;
import dev.weft.sites.Site;
import dev.weft.testsupport.DashboardSession;
import dev.weft.testsupport.HttpResult;
import dev.weft.testsupport.MutableClock;
import dev.weft.testsupport.WeftFixtures;
import dev.weft.testsupport.WeftHttpTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 5, part 2: a site token expires on its fixed date or after {@code weft.tokens.idle-expiry} (365 days)
 * without use; within 14 days of its end every answer carries {@code Weft-Token-Expiration}; an expired token is
 * 401 with a message saying so, cached or not; the sweep marks it dead at its expiry and audits it; a rotation's
 * overlap ends on time. Time is moved with a {@link MutableClock}, never slept. Each subclass has a database of
 * its own, so the sweep only ever sees this class's tokens. Run on H2 and on PostgreSQL.
 */
@Import(MutableClock.Config.class)
@TestPropertySource(properties = "weft.tokens.sweep-interval=PT1000H") // the tests run the sweep themselves
abstract class TokenExpiryTests extends WeftHttpTest {

    @Autowired
    MutableClock clock;

    @Autowired
    TokenExpirySweep sweep;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TokenDigester digester;

    User owner;
    Site site;

    @BeforeEach
    void ownerAndSite() {
        owner = fixtures.user();
        site = fixtures.site(owner);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void expirationHeaderAppearsOnlyWhenFewerThan14DaysRemain() {
        LocalDate in30Days = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(30);
        String token = fixtures.namedToken(owner, site, "Dated", "read", "none", in30Days).token();
        String legacy = fixtures.siteToken(owner, site);

        assertThat(api().get("/v2/sites", token).header("Weft-Token-Expiration")).isNull();
        clock.advance(Duration.ofDays(17));
        HttpResult soon = api().get("/v2/sites", token);

        assertThat(soon.status()).isEqualTo(200);
        assertThat(soon.header("Weft-Token-Expiration")).isEqualTo(in30Days + "T00:00:00.000Z");
        assertThat(api().get("/sites", token).header("Weft-Token-Expiration")).isEqualTo(in30Days + "T00:00:00.000Z");
        assertThat(api().get("/v2/sites", legacy).header("Weft-Token-Expiration")).isNull();
    }

    @Test
    void tokenPastItsFixedExpiryIsRefusedSayingItExpiredEvenWhenCached() {
        LocalDate in2Days = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(2);
        String token = fixtures.namedToken(owner, site, "Short-lived", "read", "none", in2Days).token();
        assertThat(api().get("/v2/sites", token).status()).isEqualTo(200); // now in the verification cache

        clock.advance(Duration.ofDays(3));
        HttpResult v2 = api().get("/v2/sites", token);
        HttpResult v1 = api().get("/sites", token);

        assertThat(v2.status()).isEqualTo(401);
        assertThat(v2.json().get("message").asString()).contains("the token expired at " + in2Days + "T00:00:00Z");
        assertThat(v2.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
        assertThat(v1.status()).isEqualTo(401);
        assertThat(v1.json().get("msg").asString()).contains("expired");
    }

    @Test
    void tokenUnusedFor365DaysExpires() {
        String token = fixtures.namedToken(owner, site, "Forgotten", "read", "none", null).token();

        clock.advance(Duration.ofDays(366));
        HttpResult result = api().get("/v2/sites", token);

        assertThat(result.status()).isEqualTo(401);
        assertThat(result.json().get("message").asString()).contains("expired");
    }

    @Test
    void everyUseRestartsTheIdleExpiry() {
        String token = fixtures.siteToken(owner, site);

        clock.advance(Duration.ofDays(300));
        assertThat(api().get("/v2/sites", token).status()).isEqualTo(200);
        clock.advance(Duration.ofDays(300));
        assertThat(api().get("/v2/sites", token).status()).isEqualTo(200);
        clock.advance(Duration.ofDays(366));
        assertThat(api().get("/v2/sites", token).status()).isEqualTo(401);
    }

    @Test
    void sweepMarksExpiredTokensDeadAtTheirExpiryAndAuditsThem() {
        LocalDate in5Days = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(5);
        IssuedToken dated = fixtures.namedToken(owner, site, "Dated", "read", "none", in5Days);
        IssuedToken idle = fixtures.namedToken(owner, site, "Idle", "read", "none", null);
        IssuedToken used = fixtures.namedToken(owner, site, "Used", "read", "none", null);
        IssuedToken rotatedAway = fixtures.namedToken(owner, site, "Rotated", "read", "none", null);
        IssuedToken successor = fixtures.rotate(owner, site, rotatedAway.details().id(), Overlap.WEEK);

        clock.advance(Duration.ofDays(200));
        assertThat(api().get("/v2/sites", used.token()).status()).isEqualTo(200);
        assertThat(api().get("/v2/sites", successor.token()).status()).isEqualTo(200);
        clock.advance(Duration.ofDays(200)); // day 400: Idle was never used, Used was 200 days ago
        sweep.sweep();

        assertThat(ended(dated)).isEqualTo("expired " + in5Days.atStartOfDay(ZoneOffset.UTC).toInstant());
        assertThat(ended(idle)).isEqualTo("expired " + idle.details().createdAt().plus(Duration.ofDays(365)));
        assertThat(ended(rotatedAway)).isEqualTo("rotated " + successor.details().createdAt().plus(Duration.ofDays(7)));
        assertThat(ended(used)).isEqualTo("live");
        assertThat(ended(successor)).isEqualTo("live");
        assertThat(jdbc.sql("""
                select action, subject_id, actor_label from site_audit_events
                where site_id = ? and action in ('token.expired', 'token.retired') order by subject_id""")
                .param(site.id()).query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3)).list())
                .containsExactlyInAnyOrder("token.expired " + dated.details().id() + " Weft",
                        "token.expired " + idle.details().id() + " Weft",
                        "token.retired " + rotatedAway.details().id() + " Weft");
        assertThat(api().get("/v2/sites", idle.token()).json().get("message").asString()).contains("expired");
        assertThat(api().get("/v2/sites", used.token()).status()).isEqualTo(200);
        assertThat(sweep.sweep()).as("a second sweep finds nothing").isZero();

        DashboardSession dashboard = new DashboardSession("http://127.0.0.1:" + port);
        dashboard.logIn(owner.email(), WeftFixtures.PASSWORD);
        String page = dashboard.get("/dashboard/sites/" + site.id() + "/settings/integrations").body();
        assertThat(page).contains("id=\"ended-" + idle.details().id() + "\"").contains("expired, ");
    }

    @Test
    void rotatedTokenWorksUntilItsOverlapEndsThenGets401() {
        IssuedToken old = fixtures.namedToken(owner, site, "Rolling", "read", "none", null);
        IssuedToken fresh = fixtures.rotate(owner, site, old.details().id(), Overlap.HOUR);
        assertThat(api().get("/v2/sites", old.token()).status()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(59));
        assertThat(api().get("/v2/sites", old.token()).status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(2));
        HttpResult after = api().get("/v2/sites", old.token());

        assertThat(after.status()).isEqualTo(401);
        assertThat(after.json().get("message").asString()).contains("overlap ended");
        assertThat(api().get("/v2/sites", fresh.token()).status()).isEqualTo(200);
    }

    @Test
    void rotationKeepsAFixedExpiryThatIsStillAhead() {
        LocalDate in10Days = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(10);
        IssuedToken old = fixtures.namedToken(owner, site, "Dated", "read", "none", in10Days);

        IssuedToken fresh = fixtures.rotate(owner, site, old.details().id(), Overlap.NOW);

        assertThat(fresh.details().expiresAt()).isEqualTo(in10Days.atStartOfDay(ZoneOffset.UTC).toInstant());
        assertThat(api().get("/v2/sites", fresh.token()).header("Weft-Token-Expiration")).isEqualTo(in10Days + "T00:00:00.000Z");
    }

    @Test
    void dashboardFlagsATokenThatExpiresWithin14Days() {
        LocalDate in20Days = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(20);
        fixtures.namedToken(owner, site, "Soon", "read", "none", in20Days);
        DashboardSession dashboard = new DashboardSession("http://127.0.0.1:" + port);
        dashboard.logIn(owner.email(), WeftFixtures.PASSWORD);
        String integrations = "/dashboard/sites/" + site.id() + "/settings/integrations";
        assertThat(dashboard.get(integrations).body()).doesNotContain("expires in ");

        clock.advance(Duration.ofDays(17));

        assertThat(dashboard.get(integrations).body()).contains("expires in 3 days");
    }

    /** "live", or the reason and time the token ended. */
    private String ended(IssuedToken token) {
        return jdbc.sql("select revoked_reason, revoked_at from site_tokens where id = ?").param(token.details().id())
                .query((rs, n) -> {
                    Timestamp at = rs.getTimestamp(2);
                    return at == null ? "live" : rs.getString(1) + " " + at.toInstant();
                })
                .single();
    }

}
