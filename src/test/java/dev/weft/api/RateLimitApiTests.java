package dev.weft.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.accounts.User;
import dev.weft.sites.Site;
import dev.weft.sites.SiteService;
import dev.weft.testsupport.ApiClient;
import dev.weft.testsupport.HttpResult;
import dev.weft.testsupport.WeftFixtures;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/** Webflow's rate limits: per token per minute (configurable per site), and failed attempts per address. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "weft.api.failed-auth-per-minute=5")
@Import(WeftFixtures.class)
class RateLimitApiTests {

    @LocalServerPort
    int port;

    @Autowired
    WeftFixtures fixtures;

    @Autowired
    SiteService sites;

    User owner;
    Site site;
    String token;

    @BeforeEach
    void siteWithToken() {
        owner = fixtures.user();
        site = fixtures.site(owner);
        token = fixtures.siteToken(owner, site);
    }

    ApiClient from(String address) {
        return new ApiClient("http://127.0.0.1:" + port, address);
    }

    @Test
    void everyAuthenticatedAnswerCarriesTheLimitAndWhatRemains() {
        HttpResult first = from("127.0.0.1").get("/sites", token);
        HttpResult second = from("127.0.0.1").get("/v2/sites/0123456789abcdef01234567", token);

        assertThat(first.header("X-RateLimit-Limit")).isEqualTo("60");
        assertThat(first.header("X-RateLimit-Remaining")).isEqualTo("59");
        assertThat(second.status()).isEqualTo(404);
        assertThat(second.header("X-RateLimit-Limit")).isEqualTo("60");
        assertThat(second.header("X-RateLimit-Remaining")).isEqualTo("58");
    }

    @Test
    void requestsBeyondSixtyAMinuteAreRateLimitedInEachVersionsFormat() {
        // the bucket refills continuously (one request a second at 60/min), so a few more may pass
        int ok = 0;
        HttpResult v1 = null;
        for (int i = 0; i < 100 && v1 == null; i++) {
            HttpResult r = from("127.0.0.1").get("/sites", token);
            if (r.status() == 200) {
                ok++;
            } else {
                v1 = r;
            }
        }
        HttpResult v2 = from("127.0.0.1").get("/v2/sites", token);

        assertThat(ok).isBetween(60, 75);
        assertThat(v1).isNotNull();

        assertThat(v1.status()).isEqualTo(429);
        assertThat(v1.json().get("name").asString()).isEqualTo("RateLimit");
        assertThat(v1.json().get("code").asInt()).isEqualTo(429);
        assertThat(v1.header("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(Long.parseLong(v1.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(v2.status()).isEqualTo(429);
        assertThat(v2.json().get("code").asString()).isEqualTo("too_many_requests");
        assertThat(v2.json().get("message").asString()).startsWith("Too Many Requests");
        assertThat(v2.header("Retry-After")).isNotNull();
    }

    @Test
    void aSitesOwnLimitAppliesAtOnceAndOtherTokensKeepTheirs() {
        sites.setRateLimit(owner.id(), site.id(), 3);
        User other = fixtures.user();
        String otherToken = fixtures.siteToken(other, fixtures.site(other));

        for (int i = 0; i < 3; i++) {
            HttpResult ok = from("127.0.0.1").get("/v2/sites", token);
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.header("X-RateLimit-Limit")).isEqualTo("3");
        }
        assertThat(from("127.0.0.1").get("/v2/sites", token).status()).isEqualTo(429);
        HttpResult otherSite = from("127.0.0.1").get("/v2/sites", otherToken);
        assertThat(otherSite.status()).isEqualTo(200);
        assertThat(otherSite.header("X-RateLimit-Limit")).isEqualTo("60");
    }

    @Test
    void regeneratedTokenStartsWithAFullBucket() {
        sites.setRateLimit(owner.id(), site.id(), 2);
        from("127.0.0.1").get("/sites", token);
        from("127.0.0.1").get("/sites", token);
        assertThat(from("127.0.0.1").get("/sites", token).status()).isEqualTo(429);

        String fresh = fixtures.siteToken(owner, site);

        assertThat(from("127.0.0.1").get("/sites", fresh).status()).isEqualTo(200);
    }

    @Test
    void failedTokenAttemptsFromOneAddressAreThrottledWithoutSlowingOtherClients() {
        ApiClient attacker = from("127.0.0.3");
        ApiClient someoneElse = from("127.0.0.4");
        String guess = dev.weft.tokens.TokenFormat.generate(dev.weft.tokens.TokenKind.SITE);
        for (int i = 0; i < 5; i++) {
            assertThat(attacker.get("/sites", guess).status()).isEqualTo(401);
        }

        HttpResult throttled = attacker.get("/sites", guess);
        HttpResult throttledEvenWithAGoodToken = attacker.get("/v2/sites", token);
        HttpResult unaffected = someoneElse.get("/sites", token);

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.json().get("name").asString()).isEqualTo("RateLimit");
        assertThat(throttled.json().get("msg").asString()).contains("failed token attempts");
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isPositive();
        assertThat(throttledEvenWithAGoodToken.status()).isEqualTo(429);
        assertThat(throttledEvenWithAGoodToken.json().get("code").asString()).isEqualTo("too_many_requests");
        assertThat(unaffected.status()).isEqualTo(200);
    }

    @Test
    void requestsWithoutAnyTokenAreNotCountedAsFailedAttempts() {
        ApiClient forgetful = from("127.0.0.5");
        for (int i = 0; i < 10; i++) {
            assertThat(forgetful.get("/sites", null).status()).isEqualTo(401);
        }

        assertThat(forgetful.get("/sites", token).status()).isEqualTo(200);
    }

    @Test
    void ownerSetsTheLimitInProjectSettings() {
        var browser = new dev.weft.testsupport.DashboardSession("http://127.0.0.1:" + port);
        browser.logIn(owner.email(), WeftFixtures.PASSWORD);
        browser.get("/dashboard/sites/" + site.id() + "/settings");

        HttpResult saved = browser.post("/dashboard/sites/" + site.id() + "/settings/rate-limit", Map.of("rateLimit", "120"));
        HttpResult invalid = browser.post("/dashboard/sites/" + site.id() + "/settings/rate-limit", Map.of("rateLimit", "0"));

        assertThat(saved.status()).isEqualTo(302);
        assertThat(invalid.body()).contains("Choose a rate limit from 1 to");
        assertThat(from("127.0.0.1").get("/sites", token).header("X-RateLimit-Limit")).isEqualTo("120");
    }
}
