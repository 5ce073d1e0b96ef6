package dev.weft.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.accounts.User;
import dev.weft.sites.Site;
import dev.weft.sites.SiteService;
import dev.weft.testsupport.HttpResult;
import dev.weft.testsupport.WeftHttpTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 50 concurrent "Generate new API Token" on one site, while other threads keep calling the API with every
 * token issued so far: afterwards exactly one token works, and no token is ever accepted by a request that
 * started after the regeneration that killed it had returned. Run on H2 and on PostgreSQL.
 */
abstract class TokenRegenerationConcurrencyTests extends WeftHttpTest {

    static final int REGENERATIONS = 50;
    static final int VERIFIERS = 4;

    @Autowired
    SiteTokenService tokens;

    @Autowired
    SiteService sites;

    @Autowired
    JdbcClient jdbc;

    /** A token issued during the test and, once known, when the regeneration that replaced it returned. */
    record Issued(String id, String token) {}

    @Test
    void concurrentRegenerationsLeaveExactlyOneWorkingTokenAndNeverAcceptAKilledOne() throws Exception {
        User owner = fixtures.user();
        Site site = fixtures.site(owner);
        sites.setRateLimit(owner.id(), site.id(), 6000);
        IssuedToken first = tokens.generate(owner.id(), site.id());

        List<Issued> issued = new CopyOnWriteArrayList<>(List.of(new Issued(first.details().id(), first.token())));
        Map<String, Long> killedAt = new ConcurrentHashMap<>(); // token id -> nanoTime its killer had returned
        AtomicBoolean regenerating = new AtomicBoolean(true);
        AtomicInteger checks = new AtomicInteger();
        int checksWhileRegenerating;
        List<String> violations = new CopyOnWriteArrayList<>();

        ExecutorService pool = Executors.newFixedThreadPool(REGENERATIONS + VERIFIERS);
        try {
            List<Future<?>> verifiers = new ArrayList<>();
            for (int v = 0; v < VERIFIERS; v++) {
                verifiers.add(pool.submit(() -> {
                    while (regenerating.get()) {
                        Issued candidate = issued.get(ThreadLocalRandom.current().nextInt(issued.size()));
                        long started = System.nanoTime();
                        Long alreadyKilled = killedAt.get(candidate.id());
                        HttpResult result = api().get("/v2/sites/" + site.id(), candidate.token());
                        checks.incrementAndGet();
                        boolean accepted = result.status() != 401;
                        if (accepted && alreadyKilled != null && alreadyKilled < started) {
                            violations.add("token " + candidate.id() + " accepted (" + result.status()
                                    + ") by a request started " + (started - alreadyKilled) / 1000 + " µs after its regeneration returned");
                        }
                    }
                    return null;
                }));
            }

            CountDownLatch start = new CountDownLatch(1);
            List<Future<IssuedToken>> regenerations = new ArrayList<>();
            for (int i = 0; i < REGENERATIONS; i++) {
                regenerations.add(pool.submit(() -> {
                    start.await();
                    IssuedToken fresh = tokens.generate(owner.id(), site.id());
                    long returned = System.nanoTime();
                    if (fresh.replacedTokenId() != null) {
                        killedAt.put(fresh.replacedTokenId(), returned);
                    }
                    issued.add(new Issued(fresh.details().id(), fresh.token()));
                    return fresh;
                }));
            }
            // release the regenerations once the verifiers are warm, so that the two really overlap
            long warm = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (checks.get() < 20 && System.nanoTime() < warm) {
                Thread.sleep(5);
            }
            int checksBefore = checks.get();
            start.countDown();
            for (Future<IssuedToken> f : regenerations) {
                f.get(60, TimeUnit.SECONDS);
            }
            checksWhileRegenerating = checks.get() - checksBefore;
            // keep the verifiers going against the final state until they have made enough checks
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (checks.get() < 200 && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            regenerating.set(false);
            System.out.printf("concurrency: %d regenerations, %d verifications while they ran, %d in all%n",
                    REGENERATIONS, checksWhileRegenerating, checks.get());
            for (Future<?> f : verifiers) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(violations).isEmpty();
        assertThat(checksWhileRegenerating).as("verifications made while the regenerations ran").isPositive();
        assertThat(checks.get()).as("verifications made").isGreaterThanOrEqualTo(200);
        assertThat(issued).hasSize(REGENERATIONS + 1);
        assertThat(killedAt).as("every token but the last was replaced by exactly one regeneration").hasSize(REGENERATIONS);

        List<String> working = new ArrayList<>();
        for (Issued t : issued) {
            if (api().get("/v2/sites/" + site.id(), t.token()).status() == 200) {
                working.add(t.id());
            }
        }
        assertThat(working).hasSize(1);
        assertThat(killedAt).doesNotContainKey(working.getFirst());
        assertThat(jdbc.sql("select id from site_tokens where active_site_id = ?").param(site.id()).query(String.class).list())
                .containsExactly(working.getFirst());
    }
}
