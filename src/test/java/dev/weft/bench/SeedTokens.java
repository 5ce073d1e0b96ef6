package dev.weft.bench;

import dev.weft.system.Ids;
import dev.weft.tokens.TokenFormat;
import dev.weft.tokens.TokenKind;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.flywaydb.core.Flyway;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Seeds a fresh Weft data directory for the HTTP benchmark (bench/http-bench.sh) with N sites, each with a
 * live site API token, by JDBC batch inserts (seconds, not N HTTP calls).
 *
 * <p>It runs Weft's own Flyway migrations ({@code classpath:db/migration}) on the H2 file database at
 * {@code <data-dir>/db/weft} (the JDBC URL Weft's application.properties builds), then inserts users,
 * workspaces (one per {@value #SITES_PER_WORKSPACE} sites, its user as owner), sites ({@code rate_limit} =
 * {@value #RATE_LIMIT}, so Weft's per-token limit of 60/min does not make the benchmark a 429 benchmark) and
 * site_tokens. Digests use the same pepper as the server ({@code WEFT_TOKEN_PEPPER}, base64) and the same
 * function as {@code dev.weft.tokens.TokenDigester}: hex HMAC-SHA256(pepper, token).
 *
 * <p>Writes, one {@code token site_id} per line, into the output directory: {@code valid.tokens} (every
 * seeded token with its own site), {@code invalid-checksum.tokens} (a valid token with one character changed,
 * so its checksum fails) and {@code invalid-unknown.tokens} (fresh well-formed tokens that were never stored).
 * Not {@code .txt}: NoSecretsInLogsIT scans every {@code .txt} and {@code .log} under {@code target/} for tokens.
 *
 * <p>Usage: {@code SeedTokens --data-dir DIR --sites N --out DIR [--invalid M]} (M defaults to N).
 */
public final class SeedTokens {

    static final int SITES_PER_WORKSPACE = 100;
    static final int RATE_LIMIT = 1_000_000_000;
    static final int BATCH = 5_000;

    private SeedTokens() {}

    /** What was seeded: tokens[i] is the live token of siteIds[i]; digests[i] its stored digest. */
    public record Seeded(String[] tokens, String[] siteIds, String[] digests) {}

    public static void main(String[] args) throws Exception {
        Path dataDir = null;
        Path out = null;
        int sites = 0;
        int invalid = -1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data-dir" -> dataDir = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--sites" -> sites = Integer.parseInt(args[++i].replace("_", ""));
                case "--invalid" -> invalid = Integer.parseInt(args[++i].replace("_", ""));
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (dataDir == null || out == null || sites <= 0) {
            System.err.println("usage: SeedTokens --data-dir DIR --sites N --out DIR [--invalid M]");
            System.exit(2);
        }
        if (invalid < 0) {
            invalid = sites;
        }
        String pepperBase64 = System.getenv("WEFT_TOKEN_PEPPER");
        if (pepperBase64 == null || pepperBase64.isBlank()) {
            throw new IllegalStateException("set WEFT_TOKEN_PEPPER (base64, >= 32 bytes), the same as the server's");
        }
        byte[] pepper = Base64.getDecoder().decode(pepperBase64.trim());

        // Exactly as application.properties builds it (weft.data-dir is made absolute and normalised first).
        Path dir = dataDir.toAbsolutePath().normalize();
        Files.createDirectories(dir);
        String url = "jdbc:h2:file:" + dir + "/db/weft;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";

        long t0 = System.nanoTime();
        migrate(url, "sa", "");
        long t1 = System.nanoTime();
        Seeded seeded;
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            seeded = seed(c, sites, pepper);
        }
        long t2 = System.nanoTime();
        Files.createDirectories(out);
        // Files in random order, so the load generator's walk is random with respect to every index (rows were
        // inserted in digest order).
        Seeded shuffled = shuffled(seeded);
        writePairs(out.resolve("valid.tokens"), shuffled.tokens(), shuffled.siteIds(), sites);
        writeInvalid(out, shuffled, invalid);
        long t3 = System.nanoTime();
        System.out.printf(Locale.ROOT,
                "seeded %,d sites + tokens (%,d workspaces, rate_limit=%d per site) in %.1f s "
                        + "(migrate %.1f s, insert %.1f s, files %.1f s)%n",
                sites, workspaces(sites), RATE_LIMIT, (t3 - t0) / 1e9, (t1 - t0) / 1e9, (t2 - t1) / 1e9,
                (t3 - t2) / 1e9);
    }

    /** Weft's own migrations, as Spring Boot would run them at start-up. */
    public static void migrate(String url, String user, String password) {
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").load().migrate();
    }

    static int workspaces(int sites) {
        return (sites + SITES_PER_WORKSPACE - 1) / SITES_PER_WORKSPACE;
    }

    /**
     * Inserts {@code sites} sites, each with a live site token, in batches of {@value #BATCH} with autocommit
     * off, into a migrated, empty database. Works on H2 and PostgreSQL.
     */
    public static Seeded seed(Connection c, int sites, byte[] pepper) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            Timestamp now = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MILLIS));
            int workspaceCount = workspaces(sites);
            String[] userIds = new String[workspaceCount];
            String[] workspaceIds = new String[workspaceCount];
            // One real bcrypt hash (password "bench-password"), so a seeded owner could log in to the dashboard.
            String passwordHash = "{bcrypt}" + new BCryptPasswordEncoder().encode("bench-password");
            try (PreparedStatement users = c.prepareStatement("""
                    insert into users (id, email, password_hash, first_name, last_name, created_at)
                    values (?, ?, ?, ?, ?, ?)""");
                    PreparedStatement workspaces = c.prepareStatement(
                            "insert into workspaces (id, name, created_at) values (?, ?, ?)");
                    PreparedStatement members = c.prepareStatement("""
                            insert into workspace_members (workspace_id, user_id, role, created_at)
                            values (?, ?, 'owner', ?)""")) {
                for (int w = 0; w < workspaceCount; w++) {
                    userIds[w] = Ids.objectId();
                    workspaceIds[w] = Ids.objectId();
                    users.setString(1, userIds[w]);
                    users.setString(2, "bench-owner-" + w + "@bench.invalid");
                    users.setString(3, passwordHash);
                    users.setString(4, "Bench");
                    users.setString(5, "Owner " + w);
                    users.setTimestamp(6, now);
                    users.addBatch();
                    workspaces.setString(1, workspaceIds[w]);
                    workspaces.setString(2, "Bench workspace " + w);
                    workspaces.setTimestamp(3, now);
                    workspaces.addBatch();
                    members.setString(1, workspaceIds[w]);
                    members.setString(2, userIds[w]);
                    members.setTimestamp(3, now);
                    members.addBatch();
                    if ((w + 1) % BATCH == 0 || w == workspaceCount - 1) {
                        users.executeBatch();
                        workspaces.executeBatch();
                        members.executeBatch();
                        c.commit();
                    }
                }
            }

            // Tokens first, in digest order: then every index (ids, short names, digests) grows at its right
            // edge only, and H2 rewrites a few pages per commit instead of most of the random digest index
            // (which made seeding quadratic: 33 s for 100k rows in random order).
            String[] generated = new String[sites];
            String[] generatedDigests = new String[sites];
            Mac mac = hmac(pepper);
            HexFormat hex = HexFormat.of();
            for (int i = 0; i < sites; i++) {
                generated[i] = TokenFormat.generate(TokenKind.SITE);
                generatedDigests[i] = hex.formatHex(mac.doFinal(generated[i].getBytes(StandardCharsets.US_ASCII)));
            }
            Integer[] order = new Integer[sites];
            Arrays.setAll(order, i -> i);
            Arrays.sort(order, Comparator.comparing(i -> generatedDigests[i]));
            String[] tokens = new String[sites];
            String[] digests = new String[sites];
            for (int i = 0; i < sites; i++) {
                tokens[i] = generated[order[i]];
                digests[i] = generatedDigests[order[i]];
            }
            String[] siteIds = new String[sites];
            try (PreparedStatement site = c.prepareStatement("""
                    insert into sites (id, workspace_id, name, short_name, time_zone, template, database_id,
                                       created_at, last_updated, last_published, rate_limit)
                    values (?, ?, ?, ?, 'UTC', 'blank', ?, ?, ?, null, ?)""");
                    PreparedStatement token = c.prepareStatement("""
                            insert into site_tokens (id, site_id, active_site_id, digest, hint, created_by, created_at)
                            values (?, ?, ?, ?, ?, ?, ?)""")) {
                for (int start = 0; start < sites; start += BATCH) {
                    int end = Math.min(sites, start + BATCH);
                    for (int i = start; i < end; i++) {
                        int w = i / SITES_PER_WORKSPACE;
                        siteIds[i] = Ids.objectId();
                        site.setString(1, siteIds[i]);
                        site.setString(2, workspaceIds[w]);
                        site.setString(3, "Bench site " + i);
                        site.setString(4, String.format(Locale.ROOT, "bench-site-%08d", i));
                        site.setString(5, Ids.objectId());
                        site.setTimestamp(6, now);
                        site.setTimestamp(7, now);
                        site.setInt(8, RATE_LIMIT);
                        site.addBatch();
                    }
                    site.executeBatch();
                    for (int i = start; i < end; i++) {
                        int w = i / SITES_PER_WORKSPACE;
                        token.setString(1, Ids.objectId());
                        token.setString(2, siteIds[i]);
                        token.setString(3, siteIds[i]);
                        token.setString(4, digests[i]);
                        token.setString(5, TokenFormat.hint(tokens[i]));
                        token.setString(6, userIds[w]);
                        token.setTimestamp(7, now);
                        token.addBatch();
                    }
                    token.executeBatch();
                    c.commit();
                }
            }
            return new Seeded(tokens, siteIds, digests);
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /** TokenDigester's function: HMAC-SHA256 keyed with the pepper (hex-encode the result). */
    public static Mac hmac(byte[] pepper) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(pepper, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy of a valid token with one random-part character changed: fails the checksum. */
    public static String badChecksum(String token) {
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int bodyStart = TokenKind.SITE.prefix().length();
        while (true) {
            char[] chars = token.toCharArray();
            int at = bodyStart + random.nextInt(30);
            char replacement = alphabet.charAt(random.nextInt(alphabet.length()));
            if (replacement == chars[at]) {
                continue;
            }
            chars[at] = replacement;
            String altered = new String(chars);
            if (TokenFormat.parse(altered) instanceof TokenFormat.Parsed.Malformed) {
                return altered;
            }
        }
    }

    private static Seeded shuffled(Seeded seeded) {
        int n = seeded.tokens().length;
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        String[] tokens = new String[n];
        String[] siteIds = new String[n];
        String[] digests = new String[n];
        for (int i = 0; i < n; i++) {
            tokens[i] = seeded.tokens()[order[i]];
            siteIds[i] = seeded.siteIds()[order[i]];
            digests[i] = seeded.digests()[order[i]];
        }
        return new Seeded(tokens, siteIds, digests);
    }

    private static void writeInvalid(Path out, Seeded seeded, int count) throws IOException {
        int sites = seeded.tokens().length;
        String[] bad = new String[count];
        String[] unknown = new String[count];
        String[] siteIds = new String[count];
        for (int i = 0; i < count; i++) {
            siteIds[i] = seeded.siteIds()[i % sites];
            bad[i] = badChecksum(seeded.tokens()[i % sites]);
            unknown[i] = TokenFormat.generate(TokenKind.SITE);
        }
        writePairs(out.resolve("invalid-checksum.tokens"), bad, siteIds, count);
        writePairs(out.resolve("invalid-unknown.tokens"), unknown, siteIds, count);
    }

    private static void writePairs(Path file, String[] tokens, String[] siteIds, int count) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            for (int i = 0; i < count; i++) {
                w.write(tokens[i]);
                w.write(' ');
                w.write(siteIds[i]);
                w.write('\n');
            }
        }
    }
}
