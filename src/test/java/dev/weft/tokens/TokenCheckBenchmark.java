package dev.weft.tokens;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.weft.bench.SeedTokens;
import dev.weft.testsupport.PostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The cost of checking one bearer token (issue 3), with Weft's real classes: {@link TokenVerifier} built on
 * {@link TokenDigester}, {@link TokenPepper} and {@link JdbcSiteTokenRepository}
 * over a pooled database (HikariCP, as in the application) seeded through Weft's Flyway migrations with
 * {@value #TOKENS} sites and their tokens ({@link SeedTokens#seed}).
 *
 * <ul>
 *   <li>{@code verifyCacheHit}: the hot path, target ≤ 5 µs: parse + checksum, HMAC digest, cache hit, over
 *       all {@value #TOKENS} tokens in a warmed cache (usage counting and rate limiting are the API filter's,
 *       not part of it: the HTTP benchmark measures them);
 *   <li>{@code parseAndChecksum}, {@code digest}: its two fixed-cost steps alone;
 *   <li>{@code findLiveH2}, {@code findLivePostgres}: the cache-miss lookup alone (one indexed join by
 *       digest) on the H2 file database Weft uses by default and on a real PostgreSQL server
 *       ({@link PostgresServer}, started from the machine's binaries);
 *   <li>{@code verifyCacheMissH2}, {@code verifyCacheMissPostgres}: the whole verification when the cache
 *       holds nothing (a verifier built with a zero cache TTL).
 * </ul>
 *
 * Run with {@code bench/jmh.sh}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class TokenCheckBenchmark {

    static final int TOKENS = 100_000;

    /** A random pepper, as WEFT_TOKEN_PEPPER would hold it. */
    static String newPepper() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** A seeded database behind a connection pool, and Weft's repository on it. */
    abstract static class Database {
        final String pepper = newPepper();
        HikariDataSource pool;
        JdbcSiteTokenRepository repository;
        SeedTokens.Seeded seeded;
        final int[] order = new int[TOKENS];
        int next;

        void open(String url, String seedUrl, String user, String password) throws SQLException {
            SeedTokens.migrate(url, user, password);
            try (Connection c = DriverManager.getConnection(seedUrl, user, password)) {
                seeded = SeedTokens.seed(c, TOKENS, Base64.getDecoder().decode(pepper));
                if (c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")) {
                    try (var st = c.createStatement()) {
                        st.execute("analyze"); // what autovacuum would have done by now
                    }
                }
            }
            for (int i = 0; i < TOKENS; i++) {
                order[i] = i;
            }
            SecureRandom random = new SecureRandom();
            for (int i = TOKENS - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(url);
            config.setUsername(user);
            config.setPassword(password);
            config.setMaximumPoolSize(4);
            pool = new HikariDataSource(config);
            repository = new JdbcSiteTokenRepository(JdbcClient.create(pool));
        }

        TokenVerifier verifier(Duration cacheTtl) {
            TokenProperties properties = new TokenProperties(pepper, cacheTtl, 5, Duration.ofDays(365), Duration.ofDays(14),
                    Duration.ofHours(1));
            TokenDigester digester = new TokenDigester(new TokenPepper(properties, "unused"));
            return new TokenVerifier(repository, digest -> java.util.Optional.empty(), digester, properties,
                    java.time.Clock.systemUTC(), tokenId -> null);
        }

        /**
         * The next index of a walk over all seeded tokens in random order (they were inserted in digest order:
         * walking them in that order would read the index sequentially).
         */
        int next() {
            int i = order[next];
            next = next + 1 == TOKENS ? 0 : next + 1;
            return i;
        }

        void close() {
            if (pool != null) {
                pool.close();
            }
        }
    }

    /**
     * Weft's default database: an H2 file, with the URL application.properties builds. {@code h2CacheMb}:
     * {@code default} (H2's 16 MB page cache, what Weft runs with) or a size in MB appended as
     * {@code ;CACHE_SIZE=} to see what a larger page cache would change ({@code -p h2CacheMb=default,256}).
     */
    @State(Scope.Benchmark)
    public static class H2 extends Database {
        @Param("default")
        public String h2CacheMb;

        Path dir;

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            dir = Files.createTempDirectory("weft-jmh-h2-");
            String url = "jdbc:h2:file:" + dir + "/db/weft;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0"
                    + ("default".equals(h2CacheMb) ? "" : ";CACHE_SIZE=" + Integer.parseInt(h2CacheMb) * 1024);
            open(url, url, "sa", "");
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            close();
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** A real PostgreSQL server (PostgresServer: the test suite's throw-away server) with a fresh database. */
    @State(Scope.Benchmark)
    public static class Postgres extends Database {
        @Setup(Level.Trial)
        public void setUp() throws Exception {
            PostgresServer server = PostgresServer.shared();
            String url = server.createDatabase("bench_" + HexFormat.of().toHexDigits(new SecureRandom().nextInt()));
            // Seeding only: batched multi-row inserts. The benchmark's pool uses the plain URL, as Weft would.
            open(url, url + "?reWriteBatchedInserts=true", server.username(), server.password());
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            close();
        }
    }

    /** A verifier whose cache holds every seeded token (TTL 1 h, so no entry expires during the run). */
    @State(Scope.Benchmark)
    public static class WarmCache {
        TokenVerifier verifier;

        @Setup(Level.Trial)
        public void setUp(H2 db) {
            verifier = db.verifier(Duration.ofHours(1));
            for (String token : db.seeded.tokens()) {
                if (!(verifier.verify(token) instanceof TokenVerifier.Result.Valid)) {
                    throw new IllegalStateException("a seeded token did not verify");
                }
            }
        }
    }

    /** {@value #TOKENS} fresh tokens and a digester, no database. */
    @State(Scope.Benchmark)
    public static class Tokens {
        String[] tokens = new String[TOKENS];
        TokenDigester digester = new TokenDigester(new TokenPepper(new TokenProperties(newPepper(), null, 5, null, null, null), "unused"));
        int next;

        @Setup(Level.Trial)
        public void setUp() {
            for (int i = 0; i < TOKENS; i++) {
                tokens[i] = TokenFormat.generate(TokenKind.SITE);
            }
        }

        String next() {
            String token = tokens[next];
            next = next + 1 == TOKENS ? 0 : next + 1;
            return token;
        }
    }

    /** A verifier on H2 that caches nothing (TTL 0): every verification reaches the database. */
    @State(Scope.Benchmark)
    public static class NoCacheH2 {
        TokenVerifier verifier;

        @Setup(Level.Trial)
        public void setUp(H2 db) {
            verifier = db.verifier(Duration.ZERO);
        }
    }

    /** A verifier on PostgreSQL that caches nothing (TTL 0). */
    @State(Scope.Benchmark)
    public static class NoCachePostgres {
        TokenVerifier verifier;

        @Setup(Level.Trial)
        public void setUp(Postgres db) {
            verifier = db.verifier(Duration.ZERO);
        }
    }

    @Benchmark
    public TokenVerifier.Result verifyCacheHit(WarmCache cache, H2 db) {
        return cache.verifier.verify(db.seeded.tokens()[db.next()]);
    }

    @Benchmark
    public TokenFormat.Parsed parseAndChecksum(Tokens tokens) {
        return TokenFormat.parse(tokens.next());
    }

    @Benchmark
    public String digest(Tokens tokens) {
        return tokens.digester.digest(tokens.next());
    }

    @Benchmark
    @Warmup(iterations = 5, time = 2) // the database's pages and the JIT settle more slowly
    public Optional<VerifiedToken> findLiveH2(H2 db) {
        return db.repository.findLive(db.seeded.digests()[db.next()]);
    }

    @Benchmark
    @Warmup(iterations = 5, time = 2) // the database's pages and the JIT settle more slowly
    public Optional<VerifiedToken> findLivePostgres(Postgres db) {
        return db.repository.findLive(db.seeded.digests()[db.next()]);
    }

    @Benchmark
    @Warmup(iterations = 5, time = 2) // the database's pages and the JIT settle more slowly
    public TokenVerifier.Result verifyCacheMissH2(NoCacheH2 state, H2 db) {
        return state.verifier.verify(db.seeded.tokens()[db.next()]);
    }

    @Benchmark
    @Warmup(iterations = 5, time = 2) // the database's pages and the JIT settle more slowly
    public TokenVerifier.Result verifyCacheMissPostgres(NoCachePostgres state, Postgres db) {
        return state.verifier.verify(db.seeded.tokens()[db.next()]);
    }
}
