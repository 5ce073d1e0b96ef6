package dev.weft.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.testsupport.ApiClient;
import dev.weft.testsupport.DashboardSession;
import dev.weft.testsupport.HttpResult;
import dev.weft.testsupport.WeftProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3, part 7: {@code kill -9} Weft while several users write through the real HTTP surface (sign-ups,
 * Create Site from the Grit template, Generate API Token and Generate new API Token), restart it on the same
 * data directory and database, and every write that was acknowledged is there: every acknowledged sign-up
 * logs in, every acknowledged site is on its owner's dashboard, and per site the last acknowledged token
 * works while every earlier one is refused. The restart needs no repair: the process comes up (Flyway
 * validates), and its log mentions no corruption or repair.
 *
 * <p>A write counts as acknowledged only once its whole answer was received (sign-up: 302 to
 * {@code /dashboard}; site: 302 to {@code /dashboard/sites/{id}}; token: the 200 page showing it). A request
 * that got no answer may or may not have committed: the one exception to "the last acknowledged token
 * works" is a site whose next token request was in flight at the kill (it may have committed and replaced
 * the token without the answer reaching us).
 */
abstract class CrashSafetyTests {

    static final int WORKERS = 8;
    static final int SITES_PER_ACCOUNT = 2;
    static final int REGENERATIONS_PER_SITE = 2;
    /**
     * The kill comes at a random moment in this window after the load started, while it still runs — or, on a
     * machine too slow to have acknowledged the minimum amount of work by then, shortly after it has (but no
     * later than {@link #KILL_AFTER_LATEST_MS}).
     */
    static final long KILL_AFTER_MIN_MS = 5_000;
    static final long KILL_AFTER_MAX_MS = 7_500;
    static final long KILL_AFTER_LATEST_MS = 20_000;
    /**
     * C1 only: on a small, busy machine it halves Weft's start-up (C2 compiler threads compete for the CPUs);
     * JIT settings have no bearing on what a commit writes.
     */
    static final List<String> JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1");
    static final int MIN_SIGNUPS = 20;
    static final int MIN_SITES = 20;
    static final int MIN_REGENERATIONS = 20;

    /** Scanned for in every log by {@code NoSecretsInLogsIT}. */
    static final String PASSWORD = "correct horse battery";
    static final List<String> ARGUMENTS = List.of("--weft.api.failed-auth-per-minute=1000000");

    static final Pattern WORKSPACE = Pattern.compile("<option value=\"([0-9a-f]{24})\"");
    static final Pattern SITE_LOCATION = Pattern.compile("/dashboard/sites/([0-9a-f]{24})$");
    static final Pattern ISSUED_TOKEN = Pattern.compile("value=\"(weft_site_[0-9A-Za-z]{36})\"");
    static final Pattern CURRENT_HINT = Pattern.compile("weft_site_…([0-9A-Za-z]{4})");
    static final Pattern TOKEN = Pattern.compile("weft_(site|app|cs)_[0-9A-Za-z]{36}");
    static final Pattern DAMAGE = Pattern.compile("(?i)corrupt|repair");

    @TempDir
    Path temp;

    /** The database settings for both starts (empty: the default embedded H2 file in the data directory). */
    protected abstract Map<String, String> databaseEnvironment();

    protected abstract String databaseName();

    // --- what the load recorded ------------------------------------------------------------------

    /** An acknowledged sign-up. */
    record Account(String email, long ackedAt) {}

    /** An acknowledged token: sent and answered at these offsets (ms since the load started). */
    record TokenAck(String token, long sentAt, long ackedAt, boolean regeneration) {
        String hint() {
            return "weft_site_…" + token.substring(token.length() - 4);
        }
    }

    /** An acknowledged site, its acknowledged tokens in order, and the token request in flight, if any. */
    static final class SiteRecord {
        final String id;
        final Account owner;
        final long ackedAt;
        final List<TokenAck> tokens = new CopyOnWriteArrayList<>();
        /** When the token request that got no answer was sent; null if every token request was answered. */
        volatile Long tokenRequestInFlightSince;

        SiteRecord(String id, Account owner, long ackedAt) {
            this.id = id;
            this.owner = owner;
            this.ackedAt = ackedAt;
        }

        Optional<TokenAck> last() {
            return tokens.isEmpty() ? Optional.empty() : Optional.of(tokens.getLast());
        }
    }

    private final Collection<Account> accounts = new ConcurrentLinkedQueue<>();
    private final Collection<SiteRecord> sites = new ConcurrentLinkedQueue<>();
    private final Collection<String> loadProblems = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger unansweredAtKill = new AtomicInteger();
    private final AtomicBoolean stop = new AtomicBoolean();
    private volatile long loadStart;
    private volatile long killAt = Long.MAX_VALUE;

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void everyAcknowledgedWriteSurvivesKill9UnderLoadAndTheDatabaseOpensWithoutRepair() throws Exception {
        Path dataDir = temp.resolve("data");
        Path logs = WeftProcess.logDirectory(getClass().getSimpleName());
        Map<String, String> env = new LinkedHashMap<>(databaseEnvironment());
        env.put("WEFT_TOKEN_PEPPER", WeftProcess.newPepper()); // the same across the restart

        // 1. Start, write from several threads, SIGKILL while they write.
        WeftProcess first = WeftProcess.start(dataDir, env, JVM_OPTIONS, ARGUMENTS, logs.resolve("weft-1.log"));
        int exitCode;
        long killedAt;
        int inFlightAtKill;
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
        try {
            String base = first.baseUrl();
            loadStart = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < WORKERS; w++) {
                int worker = w;
                running.add(workers.submit(() -> work(base, worker)));
            }
            long killAfter = ThreadLocalRandom.current().nextLong(KILL_AFTER_MIN_MS, KILL_AFTER_MAX_MS);
            Thread.sleep(Math.max(0, killAfter - elapsed()));
            if (!minimumAcknowledged()) {
                while (!minimumAcknowledged() && elapsed() < KILL_AFTER_LATEST_MS) {
                    Thread.sleep(20);
                }
                Thread.sleep(ThreadLocalRandom.current().nextLong(0, 500));
            }
            long waitForRequest = elapsed() + 1_000;
            while (inFlight.get() == 0 && elapsed() < waitForRequest) {
                Thread.onSpinWait(); // kill while a request is being served, not between two
            }
            inFlightAtKill = inFlight.get();
            killAt = elapsed();
            exitCode = first.kill();
            killedAt = elapsed();
            stop.set(true);
            workers.shutdown();
            assertThat(workers.awaitTermination(30, TimeUnit.SECONDS)).as("load threads end after the kill").isTrue();
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            workers.shutdownNow();
            if (first.isAlive()) {
                first.kill();
            }
        }

        String firstLog = first.log();
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            assertThat(exitCode).as("exit status of the first Weft process (128 + SIGKILL)").isEqualTo(137);
        }
        assertThat(firstLog).as("the first process was killed, not shut down").doesNotContain("Commencing graceful shutdown");
        assertThat(inFlightAtKill).as("requests being served at the moment of the kill").isPositive();
        assertThat(loadProblems).as("unexpected answers or errors before the kill (kill at +%d ms)", killAt).isEmpty();

        int regenerations = regenerations();
        int tokens = sites.stream().mapToInt(s -> s.tokens.size()).sum();
        String load = "[%s] Weft up in %d ms; kill -9 at +%d ms (exit %d, dead at +%d ms, %d requests in flight, %d sent, %d cut off); "
                .formatted(databaseName(), first.startupTime().toMillis(), killAt, exitCode, killedAt, inFlightAtKill,
                        requests.get(), unansweredAtKill.get())
                + "acknowledged: %d sign-ups, %d sites, %d tokens (%d regenerations)"
                        .formatted(accounts.size(), sites.size(), tokens, regenerations);
        System.out.println(load);
        assertThat(accounts.size()).as("acknowledged sign-ups; " + load).isGreaterThanOrEqualTo(MIN_SIGNUPS);
        assertThat(sites.size()).as("acknowledged sites; " + load).isGreaterThanOrEqualTo(MIN_SITES);
        assertThat(regenerations).as("acknowledged token regenerations; " + load).isGreaterThanOrEqualTo(MIN_REGENERATIONS);

        // 2. Restart on the same data directory and database: it must come up by itself.
        WeftProcess second = WeftProcess.start(dataDir, env, JVM_OPTIONS, ARGUMENTS, logs.resolve("weft-2.log"));
        try {
            // 3. Every acknowledged write is there.
            Verification verified = verify(second.baseUrl());

            String secondLog = second.log();
            String summary = load + "; restart up in %d ms; ".formatted(second.startupTime().toMillis())
                    + "verified: %d logins, %d sites, %d working last tokens, %d refused earlier tokens; "
                            .formatted(verified.logins.get(), verified.sites.get(), verified.workingTokens.get(),
                                    verified.refusedTokens.get())
                    + "token requests unanswered at the kill: %d (committed anyway: %d)"
                            .formatted(verified.tokenRequestsInFlight.get(), verified.inFlightCommitted.get());
            System.out.println(summary);

            assertThat(verified.failures)
                    .as("acknowledged writes missing or wrong after kill -9 and restart; %s; logs in %s", summary, logs)
                    .isEmpty();
            assertThat(verified.logins.get()).isEqualTo(accounts.size());
            assertThat(verified.sites.get()).isEqualTo(sites.size());

            // 4. No repair: the second start validated the schema and reported no damage.
            assertThat(secondLog).as("second start: Flyway validated the schema").containsPattern("Successfully validated \\d+ migration");
            assertThat(damageLines(secondLog)).as("second start's log (%s)", second.logFile()).isEmpty();
            assertThat(startupErrors(secondLog)).as("errors while the second start opened the database (%s)", second.logFile()).isEmpty();
            assertThat(damageLines(databaseTraceFiles(dataDir))).as("H2 trace files in %s", dataDir).isEmpty();
        } finally {
            second.close();
        }
    }

    private boolean minimumAcknowledged() {
        return accounts.size() >= MIN_SIGNUPS && sites.size() >= MIN_SITES && regenerations() >= MIN_REGENERATIONS;
    }

    private int regenerations() {
        return (int) sites.stream().flatMap(s -> s.tokens.stream()).filter(TokenAck::regeneration).count();
    }

    // --- the write load --------------------------------------------------------------------------

    /** One simulated user after another: sign up, create sites from Grit, generate and regenerate their token. */
    private void work(String base, int worker) {
        String run = Long.toHexString(System.nanoTime());
        try {
            for (int i = 0; !stop.get(); i++) {
                int n = i;
                DashboardSession browser = new DashboardSession(base);
                String email = "crash-" + run + "-" + worker + "-" + n + "@example.test";
                call(() -> browser.get("/signup"));
                HttpResult signup = call(() -> browser.post("/signup", Map.of("name", "Crash " + worker + "-" + n,
                        "email", email, "password", PASSWORD)));
                if (signup.status() != 302 || !String.valueOf(signup.header("Location")).endsWith("/dashboard")) {
                    unexpected("sign-up of " + email, signup);
                    return;
                }
                Account account = new Account(email, elapsed());
                accounts.add(account);

                for (int k = 0; k < SITES_PER_ACCOUNT && !stop.get(); k++) {
                    HttpResult form = call(() -> browser.get("/dashboard/sites/new?template=grit"));
                    Matcher workspace = WORKSPACE.matcher(form.body());
                    if (form.status() != 200 || !workspace.find()) {
                        unexpected("new-site form of " + email, form);
                        return;
                    }
                    String workspaceId = workspace.group(1);
                    String name = "Crash Site " + run + " " + worker + "-" + n + "-" + k;
                    HttpResult created = call(() -> browser.post("/dashboard/sites", Map.of("workspaceId", workspaceId,
                            "template", "grit", "name", name, "timeZone", "Europe/Berlin")));
                    Matcher location = SITE_LOCATION.matcher(String.valueOf(created.header("Location")));
                    if (created.status() != 302 || !location.find()) {
                        unexpected("Create Site '" + name + "' of " + email, created);
                        return;
                    }
                    SiteRecord site = new SiteRecord(location.group(1), account, elapsed());
                    sites.add(site);

                    String apiToken = "/dashboard/sites/" + site.id + "/settings/integrations/api-token";
                    for (int t = 0; t <= REGENERATIONS_PER_SITE && !stop.get(); t++) {
                        boolean regeneration = t > 0;
                        long sent = elapsed();
                        site.tokenRequestInFlightSince = sent;
                        HttpResult issued = call(() -> browser.post(regeneration ? apiToken + "/regenerate" : apiToken, Map.of()));
                        Matcher token = ISSUED_TOKEN.matcher(issued.body());
                        if (issued.status() != 200 || !token.find()) {
                            unexpected((regeneration ? "Generate new API Token" : "Generate API Token") + " for site " + site.id, issued);
                            return;
                        }
                        site.tokens.add(new TokenAck(token.group(1), sent, elapsed(), regeneration));
                        site.tokenRequestInFlightSince = null;
                    }
                }
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            if (elapsed() < killAt) {
                loadProblems.add("+" + elapsed() + " ms, worker " + worker + ": " + e);
            } else {
                unansweredAtKill.incrementAndGet(); // the kill cut this request off: expected
            }
        }
    }

    private HttpResult call(Supplier<HttpResult> request) {
        inFlight.incrementAndGet();
        requests.incrementAndGet();
        try {
            return request.get();
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void unexpected(String what, HttpResult answer) {
        if (elapsed() < killAt) {
            loadProblems.add("+" + elapsed() + " ms: " + what + " answered " + answer.status() + " Location="
                    + answer.header("Location") + " body: " + abbreviate(answer.body()));
        }
    }

    private long elapsed() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - loadStart);
    }

    // --- verification after the restart ---------------------------------------------------------

    static final class Verification {
        final Collection<String> failures = new ConcurrentLinkedQueue<>();
        final AtomicInteger logins = new AtomicInteger();
        final AtomicInteger sites = new AtomicInteger();
        final AtomicInteger workingTokens = new AtomicInteger();
        final AtomicInteger refusedTokens = new AtomicInteger();
        final AtomicInteger tokenRequestsInFlight = new AtomicInteger();
        final AtomicInteger inFlightCommitted = new AtomicInteger();
    }

    private Verification verify(String base) throws Exception {
        Verification v = new Verification();
        ApiClient api = new ApiClient(base);
        Map<Account, List<SiteRecord>> byOwner = new LinkedHashMap<>();
        accounts.forEach(a -> byOwner.put(a, new ArrayList<>()));
        sites.forEach(s -> byOwner.get(s.owner).add(s));

        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        try {
            List<Future<?>> checks = new ArrayList<>();
            byOwner.forEach((account, owned) -> checks.add(pool.submit(() -> verifyAccount(base, api, account, owned, v))));
            for (Future<?> check : checks) {
                check.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        return v;
    }

    private void verifyAccount(String base, ApiClient api, Account account, List<SiteRecord> owned, Verification v) {
        DashboardSession browser = new DashboardSession(base);
        HttpResult login = browser.logIn(account.email(), PASSWORD);
        if (login.status() != 302 || !String.valueOf(login.header("Location")).endsWith("/dashboard")) {
            v.failures.add("sign-up of %s acknowledged at +%d ms (kill at +%d ms) is lost: login answered %d Location=%s"
                    .formatted(account.email(), account.ackedAt(), killAt, login.status(), login.header("Location")));
            return;
        }
        v.logins.incrementAndGet();
        for (SiteRecord site : owned) {
            HttpResult page = browser.get("/dashboard/sites/" + site.id);
            if (page.status() != 200) {
                v.failures.add("site %s of %s acknowledged at +%d ms (kill at +%d ms) is lost: its page answered %d"
                        .formatted(site.id, account.email(), site.ackedAt, killAt, page.status()));
                continue;
            }
            v.sites.incrementAndGet();
            verifyTokens(browser, api, site, v);
        }
    }

    private void verifyTokens(DashboardSession browser, ApiClient api, SiteRecord site, Verification v) {
        Long inFlightSince = site.tokenRequestInFlightSince;
        if (inFlightSince != null) {
            v.tokenRequestsInFlight.incrementAndGet();
        }
        Optional<TokenAck> maybeLast = site.last();
        if (maybeLast.isEmpty()) {
            return;
        }
        TokenAck last = maybeLast.get();
        HttpResult integrations = browser.get("/dashboard/sites/" + site.id + "/settings/integrations");
        Matcher hint = CURRENT_HINT.matcher(integrations.body());
        String currentHint = integrations.status() == 200 && hint.find() ? "weft_site_…" + hint.group(1) : null;

        HttpResult call = api.get("/v2/sites/" + site.id, last.token());
        String where = "site %s: last acknowledged token %s (sent +%d ms, acknowledged +%d ms, kill at +%d ms, %s)"
                .formatted(site.id, last.hint(), last.sentAt(), last.ackedAt(), killAt,
                        inFlightSince == null ? "no later token request in flight"
                                : "a later token request was in flight since +" + inFlightSince + " ms");
        if (call.status() == 200 && call.body().contains("\"id\":\"" + site.id + "\"")) {
            v.workingTokens.incrementAndGet();
            if (!last.hint().equals(currentHint)) {
                v.failures.add(where + " works, but Integrations shows the current token as " + currentHint);
            }
        } else if (call.status() == 401 && inFlightSince != null) {
            // The unanswered regeneration committed before the kill: the token it made (never seen) replaced ours.
            // Then the current token must be that new one: none of the acknowledged tokens.
            v.inFlightCommitted.incrementAndGet();
            if (currentHint == null || site.tokens.stream().anyMatch(t -> t.hint().equals(currentHint))) {
                v.failures.add(where + " is refused, but Integrations shows an acknowledged token (or none) as current ("
                        + currentHint + "), not the one the unanswered request would have made");
            }
        } else {
            v.failures.add(where + " does not work after the restart: GET /v2/sites/{id} answered " + call.status()
                    + " " + abbreviate(call.body()) + "; Integrations shows current token " + currentHint);
        }

        for (TokenAck earlier : site.tokens.subList(0, site.tokens.size() - 1)) {
            HttpResult old = api.get("/v2/sites/" + site.id, earlier.token());
            if (old.status() == 401) {
                v.refusedTokens.incrementAndGet();
            } else {
                v.failures.add("site %s: token %s acknowledged at +%d ms was replaced by an acknowledged regeneration, "
                        .formatted(site.id, earlier.hint(), earlier.ackedAt())
                        + "but after the restart GET /v2/sites/{id} with it answered " + old.status()
                        + " (the regeneration's revocation was lost)");
            }
        }
    }

    // --- logs ------------------------------------------------------------------------------------

    private static List<String> damageLines(String log) {
        return log.lines().filter(line -> DAMAGE.matcher(line).find()).toList();
    }

    /** ERROR lines logged before the application reported itself started. */
    private static List<String> startupErrors(String log) {
        List<String> errors = new ArrayList<>();
        for (String line : log.lines().toList()) {
            if (line.contains("Started WeftApplication")) {
                break;
            }
            if (line.contains(" ERROR ")) {
                errors.add(line);
            }
        }
        return errors;
    }

    /** H2's own trace files ({@code *.trace.db}, where H2 reports errors such as a corrupted file); empty on PostgreSQL. */
    private static String databaseTraceFiles(Path dataDir) throws IOException {
        if (!Files.isDirectory(dataDir)) {
            return "";
        }
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".trace.db")).toList()) {
                all.append(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)).append('\n');
            }
        }
        return all.toString();
    }

    private static String abbreviate(String body) {
        String flat = body == null ? "" : TOKEN.matcher(body).replaceAll("<token>").replaceAll("\\s+", " ");
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "…";
    }
}
