package dev.weft.usage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.accounts.User;
import dev.weft.sites.Site;
import dev.weft.testsupport.ApiClient;
import dev.weft.testsupport.DashboardSession;
import dev.weft.testsupport.HttpResult;
import dev.weft.testsupport.WeftFixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Usage of the site token: counted in memory with no database write on the request path, written in
 * batches, shown on the Integrations page (last use, requests per day, counts by status class).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"weft.usage.flush-interval=PT1H", "weft.api.failed-auth-per-minute=1000000"})
@Import(WeftFixtures.class)
class UsageTests {

    @LocalServerPort
    int port;

    @Autowired
    WeftFixtures fixtures;

    @Autowired
    UsageRecorder recorder;

    @Autowired
    JdbcClient jdbc;

    User owner;
    Site site;
    String token;
    String tokenId;

    @BeforeEach
    void siteWithToken() {
        owner = fixtures.user();
        site = fixtures.site(owner);
        token = fixtures.siteToken(owner, site);
        tokenId = jdbc.sql("select id from site_tokens where active_site_id = ?").param(site.id()).query(String.class).single();
    }

    ApiClient api() {
        return new ApiClient("http://127.0.0.1:" + port);
    }

    void callsWithUserAgent(int ok, int notFound) {
        for (int i = 0; i < ok; i++) {
            assertThat(api().get("/v2/sites", token, "User-Agent", "UsageProbe/1.0").status()).isEqualTo(200);
        }
        for (int i = 0; i < notFound; i++) {
            assertThat(api().get("/v2/sites/0123456789abcdef01234567", token, "User-Agent", "UsageProbe/1.0").status())
                    .isEqualTo(404);
        }
    }

    List<Map<String, Object>> storedRows() {
        return jdbc.sql("select * from token_usage_daily where token_id = ?").param(tokenId).query().listOfRows();
    }

    @Test
    void countsGatherInMemoryAndAreWrittenOnlyByTheBatchFlush() {
        callsWithUserAgent(3, 1);

        assertThat(storedRows()).as("no database write on the request path").isEmpty();

        recorder.flush();

        Map<String, Object> row = storedRows().getFirst();
        assertThat(number(row, "requests")).isEqualTo(4);
        assertThat(number(row, "status_2xx")).isEqualTo(3);
        assertThat(number(row, "status_4xx")).isEqualTo(1);
        assertThat(number(row, "status_5xx")).isZero();
        assertThat(row.values()).as("the day's last use is on the same row").contains("UsageProbe/1.0", "127.0.0.1");
        assertThat(row.get(key(row, "last_used_at"))).isNotNull();
    }

    @Test
    void laterFlushesAddToWhatIsStored() {
        callsWithUserAgent(2, 0);
        recorder.flush();
        callsWithUserAgent(1, 2);
        recorder.flush();

        Map<String, Object> row = storedRows().getFirst();
        assertThat(number(row, "requests")).isEqualTo(5);
        assertThat(number(row, "status_2xx")).isEqualTo(3);
        assertThat(number(row, "status_4xx")).isEqualTo(2);
    }

    @Test
    void integrationsPageShowsLastUseChartAndCountsIncludingUnflushedRequests() {
        callsWithUserAgent(3, 0);
        recorder.flush();
        callsWithUserAgent(1, 1);
        DashboardSession browser = new DashboardSession("http://127.0.0.1:" + port);
        browser.logIn(owner.email(), WeftFixtures.PASSWORD);

        HttpResult page = browser.get("/dashboard/sites/" + site.id() + "/settings/integrations");

        assertThat(page.body()).contains("UsageProbe/1.0").contains("127.0.0.1")
                .contains("Requests per day, last 30 days").contains("<strong>5</strong> requests")
                .contains("<span>4</span> 2xx").contains("<span>1</span> 4xx");
        assertThat(page.body().split("class=\"bar\"", -1)).hasSize(31);
    }

    @Test
    void infoReportsTheCurrentRequestAsTheLastUse() {
        HttpResult info = api().get("/info", token);

        assertThat(info.json().get("lastUsed").asString()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
    }

    private static String key(Map<String, Object> row, String name) {
        return row.keySet().stream().filter(k -> k.equalsIgnoreCase(name)).findFirst().orElseThrow();
    }

    private static long number(Map<String, Object> row, String name) {
        return ((Number) row.get(key(row, name))).longValue();
    }
}
