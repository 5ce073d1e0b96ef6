package dev.weft.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/**
 * A real, throw-away PostgreSQL server for tests, started from the Debian PostgreSQL binaries on the
 * machine (no Docker, no manual set-up).
 *
 * <p>Contract: {@link #shared()} lazily starts one server per JVM (thread-safe) in a fresh temp
 * directory, listening only on {@code 127.0.0.1} on a random free port with SCRAM password auth
 * for user {@link #username()}; a JVM shutdown hook stops it ({@code pg_ctl stop -m smart}, then fast) and
 * deletes the directory. {@link #sharedOrSkip()} aborts (skips) the calling test when the binaries
 * are missing, unless the environment variable {@code CI} is {@code true}, where it fails instead.
 * {@link Required} does the same as a JUnit condition (use it on Spring tests).
 * When running as root, the server runs as user {@code postgres} (or {@code nobody}) via
 * {@code runuser}. The password is random and is never printed.
 */
public final class PostgresServer {

    private static final String USER = "weft";
    private static final String[] TOOLS = {"initdb", "pg_ctl", "postgres"};
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final String MISSING = "PostgreSQL binaries not found (install Debian's postgresql "
            + "package): skipping PostgreSQL tests";
    private static final Pattern DB_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private static PostgresServer shared;
    private static RuntimeException startFailure;
    private static Optional<Path> binDirLookup;

    private final Path binDir;
    private final Path baseDir;
    private final Path dataDir;
    private final Path logFile;
    private final List<String> runAs;
    private final String password;
    private final int port;

    /** Returns the JVM-wide server, starting it on first use; fails if it cannot be started. */
    public static synchronized PostgresServer shared() {
        if (shared != null) {
            return shared;
        }
        if (startFailure != null) {
            throw new IllegalStateException("PostgreSQL test server failed to start earlier", startFailure);
        }
        try {
            Path binDir = findBinDir().orElseThrow(() -> new IllegalStateException(
                    "PostgreSQL binaries (initdb, pg_ctl, postgres) not found"));
            shared = new PostgresServer(binDir);
            return shared;
        } catch (RuntimeException e) {
            startFailure = e;
            throw e;
        }
    }

    /**
     * Like {@link #shared()}, but when the PostgreSQL binaries are missing the calling test is
     * skipped ({@link TestAbortedException}) — or fails if {@code CI=true}. Note: Spring wraps
     * exceptions thrown while loading a test context (e.g. in {@code @DynamicPropertySource}), which
     * turns the skip into an error; annotate such test classes with
     * {@code @ExtendWith(PostgresServer.Required.class)}.
     */
    public static PostgresServer sharedOrSkip() {
        if (!binariesAvailable()) {
            throw new TestAbortedException(MISSING);
        }
        return shared();
    }

    /**
     * JUnit condition that disables (skips, with the reason) a test class or method when the
     * PostgreSQL binaries are missing — or fails it if {@code CI=true}. It is evaluated before any
     * Spring test context is loaded.
     */
    public static final class Required implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return binariesAvailable() ? ConditionEvaluationResult.enabled("PostgreSQL binaries found")
                    : ConditionEvaluationResult.disabled(MISSING);
        }
    }

    /** True if the binaries exist; false if not; throws if not and {@code CI=true}. */
    private static boolean binariesAvailable() {
        if (findBinDir().isPresent()) {
            return true;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(MISSING.replace("skipping", "CI=true, so not skipping"));
        }
        return false;
    }

    /** JDBC URL of the default database {@code weft}. */
    public String jdbcUrl() {
        return jdbcUrl(USER);
    }

    public String username() {
        return USER;
    }

    public String password() {
        return password;
    }

    /**
     * Creates a new, empty database (name: lowercase letters, digits, underscores) and returns its
     * JDBC URL. Fails if the database already exists.
     */
    public String createDatabase(String name) {
        if (!DB_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid database name: " + name);
        }
        try (Connection c = connect(jdbcUrl("postgres")); var st = c.createStatement()) {
            st.execute("CREATE DATABASE \"" + name + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name, e);
        }
        return jdbcUrl(name);
    }

    @Override
    public String toString() {
        return "PostgresServer[" + jdbcUrl() + ", bin=" + binDir + "]";
    }

    private PostgresServer(Path binDir) {
        this.binDir = binDir;
        this.password = HexFormat.of().formatHex(randomBytes());
        this.runAs = isRoot() ? List.of("runuser", "-u", serviceUser(), "--") : List.of();
        try {
            baseDir = Files.createTempDirectory("weft-pg-");
            dataDir = baseDir.resolve("data");
            logFile = baseDir.resolve("postgres.log");
            port = freePort();
            Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "postgres-test-server-stop"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare PostgreSQL test server", e);
        }
        try {
            start();
        } catch (IOException | RuntimeException e) {
            stop();
            throw new IllegalStateException("Could not start PostgreSQL test server from " + binDir, e);
        }
    }

    private void start() throws IOException {
        Path socketDir = Files.createDirectories(baseDir.resolve("sock"));
        Path pwFile = Files.writeString(baseDir.resolve("pwfile"), password + "\n");
        if (!runAs.isEmpty()) {
            run(List.of("chown", "-R", runAs.get(2), baseDir.toString()));
        }
        run(pg("initdb", "-D", dataDir.toString(), "--auth-local=trust", "--auth-host=scram-sha-256",
                "--username=" + USER, "--pwfile=" + pwFile, "--encoding=UTF8", "--locale=C", "--no-instructions"));
        Files.delete(pwFile);
        Files.writeString(dataDir.resolve("postgresql.conf"), String.join("\n", "",
                "listen_addresses = '127.0.0.1'",
                "port = " + port,
                "unix_socket_directories = '" + socketDir + "'",
                "fsync = on",
                "max_connections = 200",
                "shared_buffers = 32MB", ""), StandardOpenOption.APPEND);
        run(pg("pg_ctl", "start", "-D", dataDir.toString(), "-l", logFile.toString(),
                "-w", "-t", String.valueOf(START_TIMEOUT.toSeconds())));
        awaitConnectable();
        createDatabase(USER);
    }

    private void awaitConnectable() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            try (Connection c = connect(jdbcUrl("postgres"))) {
                if (c.isValid(5)) {
                    return;
                }
            } catch (SQLException e) {
                last = e;
            }
            sleep(200);
        }
        throw new IllegalStateException("PostgreSQL did not accept connections within " + START_TIMEOUT
                + ". Server log:\n" + serverLog(), last);
    }

    private synchronized void stop() {
        try {
            if (Files.exists(dataDir.resolve("postmaster.pid"))) {
                // "smart" first: Spring's own shutdown hook runs at the same time and closes its pools; stopping
                // the server under them would leave last writes (e.g. a last-used flush) hanging.
                try {
                    run(pg("pg_ctl", "stop", "-D", dataDir.toString(), "-m", "smart", "-w", "-t", "20"));
                } catch (RuntimeException notYet) {
                    run(pg("pg_ctl", "stop", "-D", dataDir.toString(), "-m", "fast", "-w"));
                }
            }
        } catch (RuntimeException e) {
            System.err.println("Could not stop PostgreSQL test server: " + e.getMessage());
        } finally {
            deleteRecursively(baseDir);
        }
    }

    private Connection connect(String url) throws SQLException {
        var props = new Properties();
        props.setProperty("user", USER);
        props.setProperty("password", password);
        props.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(url, props);
    }

    private String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private List<String> pg(String tool, String... args) {
        var cmd = new ArrayList<>(runAs);
        cmd.add(binDir.resolve(tool).toString());
        cmd.addAll(Arrays.asList(args));
        return cmd;
    }

    /** Runs a command to completion (output to a file, so a daemonised child cannot block us). */
    private String run(List<String> cmd) {
        try {
            Path out = Files.createTempFile("weft-pg-cmd-", ".out");
            try {
                Process p = new ProcessBuilder(cmd).directory(baseDir.toFile())
                        .redirectErrorStream(true).redirectOutput(out.toFile()).start();
                if (!p.waitFor(START_TIMEOUT.toSeconds() + 30, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException("Timed out: " + String.join(" ", cmd));
                }
                String output = Files.readString(out, StandardCharsets.UTF_8);
                if (p.exitValue() != 0) {
                    throw new IllegalStateException("Command failed (exit " + p.exitValue() + "): "
                            + String.join(" ", cmd) + "\n" + output + "\nServer log:\n" + serverLog());
                }
                return output;
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String serverLog() {
        try {
            return logFile != null && Files.exists(logFile) ? Files.readString(logFile) : "(no server log)";
        } catch (IOException e) {
            return "(server log unreadable: " + e.getMessage() + ")";
        }
    }

    // --- environment discovery -------------------------------------------------------------

    /** Highest /usr/lib/postgresql/VERSION/bin, else {@code pg_config --bindir}, else PATH (cached). */
    static synchronized Optional<Path> findBinDir() {
        if (binDirLookup == null) {
            binDirLookup = lookUpBinDir();
        }
        return binDirLookup;
    }

    private static Optional<Path> lookUpBinDir() {
        var candidates = new ArrayList<Path>();
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            versions.sorted(Comparator.comparing(PostgresServer::versionKey).reversed())
                    .map(v -> v.resolve("bin")).forEach(candidates::add);
        } catch (IOException | RuntimeException ignored) {
            // no Debian layout
        }
        String pgConfigBinDir = commandOutput("pg_config", "--bindir");
        if (pgConfigBinDir != null && !pgConfigBinDir.isEmpty()) {
            candidates.add(Path.of(pgConfigBinDir));
        }
        String path = System.getenv("PATH");
        if (path != null) {
            Arrays.stream(path.split(java.io.File.pathSeparator)).filter(s -> !s.isBlank())
                    .map(Path::of).forEach(candidates::add);
        }
        return candidates.stream().filter(PostgresServer::hasTools).findFirst();
    }

    private static boolean hasTools(Path dir) {
        return Arrays.stream(TOOLS).allMatch(t -> Files.isExecutable(dir.resolve(t)));
    }

    private static String versionKey(Path versionDir) {
        // zero-pad numeric parts so "9.6" < "15" < "16" sorts correctly as strings
        var key = new StringBuilder();
        for (String part : versionDir.getFileName().toString().split("\\.")) {
            key.append(part.matches("\\d+") ? "%06d".formatted(Integer.parseInt(part)) : part).append('.');
        }
        return key.toString();
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name")) || "0".equals(commandOutput("id", "-u"));
    }

    private static String serviceUser() {
        return commandOutput("id", "-u", "postgres") != null ? "postgres" : "nobody";
    }

    /** Trimmed stdout of a successful command, else null. */
    private static String commandOutput(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : null;
        } catch (IOException | RuntimeException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static byte[] randomBytes() {
        var bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("Could not delete " + dir + ": " + e.getMessage());
        }
    }
}
