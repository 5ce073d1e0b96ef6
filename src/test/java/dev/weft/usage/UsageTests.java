package dev.weft.usage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.accounts.User;
import dev.weft.sites.Site;
import dev.weft.testsupport.ApiClient;
import dev.weft.testsupport.DashboardSession;
import dev.weft.testsupport.HttpResult;
import dev.weft.testsupport.WeftFixtures;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Usage of the site token: counted in memory with no database write on the request path, appended as one
 * batch per flush, folded into daily rows later, shown on the Integrations page (last use, requests per day,
 * counts by status class) whether folded, only appended, or still in memory.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"weft.usage.flush-interval=PT1H", "weft.usage.fold-interval=PT1H",
                "weft.usage.fold-initial-delay=PT1H", "weft.api.failed-auth-per-minute=1000000"})
@Import(WeftFixtures.class)
class UsageTests {

    @LocalServerPort
    int port;

    @Autowired
    WeftFixtures fixtures;

    @Autowired
    UsageRecorder recorder;

    @Autowired
    UsageFolder folder;

    @Autowired
    UsageService usage;

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

    @Autowired
    UsageRepository repository;

    /** Stored batches holding an entry of {@code id} (other test contexts may append or fold meanwhile). */
    List<UsageRepository.Batch> batchesOf(String id) {
        return repository.batches(repository.batchIds()).stream()
                .filter(b -> b.deltas().stream().anyMatch(d -> d.tokenId().equals(id))).toList();
    }

    @Test
    void countsGatherInMemoryAndAreWrittenOnlyByTheBatchFlushThenFolded() {
        callsWithUserAgent(3, 1);

        assertThat(batchesOf(tokenId)).as("no database write on the request path").isEmpty();
        assertThat(storedRows()).isEmpty();

        recorder.flush();

        assertThat(batchesOf(tokenId)).as("the flush appends a batch").hasSize(1);
        assertThat(batchesOf(tokenId).getFirst().deltas()).filteredOn(d -> d.tokenId().equals(tokenId)).singleElement()
                .satisfies(d -> assertThat(d.counts().requests()).isEqualTo(4));

        folder.fold();

        assertThat(batchesOf(tokenId)).as("the fold deletes what it added").isEmpty();
        Map<String, Object> row = storedRows().getFirst();
        assertThat(number(row, "requests")).isEqualTo(4);
        assertThat(number(row, "status_2xx")).isEqualTo(3);
        assertThat(number(row, "status_4xx")).isEqualTo(1);
        assertThat(number(row, "status_5xx")).isZero();
        assertThat(row.values()).as("the day's last use is on the same row").contains("UsageProbe/1.0", "127.0.0.1");
        assertThat(row.get(key(row, "last_used_at"))).isNotNull();
    }

    @Test
    void laterFlushesAndFoldsAddToWhatIsStored() {
        callsWithUserAgent(2, 0);
        recorder.flush();
        folder.fold();
        callsWithUserAgent(1, 1);
        recorder.flush();
        callsWithUserAgent(0, 1);
        recorder.flush();
        folder.fold();

        Map<String, Object> row = storedRows().getFirst();
        assertThat(number(row, "requests")).isEqualTo(5);
        assertThat(number(row, "status_2xx")).isEqualTo(3);
        assertThat(number(row, "status_4xx")).isEqualTo(2);
    }

    @Test
    void readsAddFoldedUnfoldedAndUnflushedCountsEachOnce() {
        callsWithUserAgent(2, 0);
        recorder.flush();
        folder.fold();
        callsWithUserAgent(3, 1);
        recorder.flush();
        callsWithUserAgent(1, 0);

        Usage seen = usage.usage(tokenId, 30);
        assertThat(seen.total()).isEqualTo(7);
        assertThat(seen.total2xx()).isEqualTo(6);
        assertThat(seen.total4xx()).isEqualTo(1);
        assertThat(seen.lastUse().userAgent()).isEqualTo("UsageProbe/1.0");

        folder.fold();
        assertThat(usage.usage(tokenId, 30).total()).as("the same after the fold moved the batch").isEqualTo(7);
        recorder.flush();
        folder.fold();
        assertThat(usage.usage(tokenId, 30).total()).as("and after everything is folded").isEqualTo(7);
    }

    @Test
    void concurrentFoldsAddEachBatchOnce() throws Exception {
        for (int i = 0; i < 6; i++) {
            callsWithUserAgent(1, 0);
            recorder.flush();
        }
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            List<java.util.concurrent.Future<Integer>> folds = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                folds.add(pool.submit(() -> repository.fold(1)));
            }
            for (var f : folds) {
                f.get();
            }
        }
        folder.fold();

        assertThat(number(storedRows().getFirst(), "requests")).isEqualTo(6);
        assertThat(usage.usage(tokenId, 30).total()).isEqualTo(6);
    }

    @Test
    void aFlushAppendsOneBatchHoweverManyTokensWereUsed() {
        List<String> ids = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Site other = fixtures.site(owner);
            tokens.add(fixtures.siteToken(owner, other));
            ids.add(jdbc.sql("select id from site_tokens where active_site_id = ?").param(other.id()).query(String.class).single());
        }
        recorder.flush();
        Set<Long> before = repository.batchIds();
        tokens.forEach(t -> assertThat(api().get("/v2/sites", t).status()).isEqualTo(200));

        recorder.flush();

        Set<Long> added = new HashSet<>(repository.batchIds());
        added.removeAll(before);
        assertThat(added).hasSize(1);
        assertThat(repository.batches(added).getFirst().deltas()).extracting(UsageRepository.DailyDelta::tokenId)
                .containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void integrationsPageShowsLastUseChartAndCountsIncludingUnfoldedAndUnflushedRequests() {
        callsWithUserAgent(2, 0);
        recorder.flush();
        folder.fold();
        callsWithUserAgent(1, 0);
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
