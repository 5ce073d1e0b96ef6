package dev.weft.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Weft as a separate operating-system process, so a test can {@code kill -9} it and start it again on the
 * same data.
 *
 * <p>Contract: {@link #start} runs {@code dev.weft.WeftApplication} with the test JVM's own {@code java}
 * executable and classpath (minus {@code test-classes}: the product as shipped, no test resources), on a free
 * port ({@code SERVER_PORT}), with any extra JVM options, with the inherited environment minus every {@code WEFT_*}, {@code SPRING_*} and
 * {@code SERVER_*} variable, plus the given environment and program arguments; stdout and stderr go to the
 * given log file. It returns once {@code GET /ping} answers 200 (the server is up, so the database opened and
 * Flyway validated), and fails with the log's tail if the process exits or is not up within 90 s.
 * {@link #kill()} is {@link Process#destroyForcibly()} — SIGKILL on Linux, no shutdown hook runs — and waits
 * for the exit; {@link #close()} stops a still running process gracefully (SIGTERM), then forcibly.
 */
public final class WeftProcess implements AutoCloseable {

    public static final String MAIN_CLASS = "dev.weft.WeftApplication";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final HttpClient PING = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final Process process;
    private final int port;
    private final Path logFile;
    private final long startedNanos;
    private final long upNanos;

    private WeftProcess(Process process, int port, Path logFile, long startedNanos, long upNanos) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
        this.startedNanos = startedNanos;
        this.upNanos = upNanos;
    }

    /**
     * Starts Weft with {@code WEFT_DATA_DIR=dataDir} plus {@code environment} and {@code arguments}, logging to
     * {@code logFile}, and waits until {@code /ping} answers 200.
     */
    public static WeftProcess start(Path dataDir, Map<String, String> environment, List<String> arguments, Path logFile) {
        return start(dataDir, environment, List.of(), arguments, logFile);
    }

    /** Like {@link #start(Path, Map, List, Path)}, with extra JVM options (e.g. {@code -XX:TieredStopAtLevel=1}). */
    public static WeftProcess start(Path dataDir, Map<String, String> environment, List<String> jvmOptions,
            List<String> arguments, Path logFile) {
        int port = freePort();
        try {
            Files.createDirectories(dataDir);
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            Path argFile = Files.createTempFile("weft-process-", ".args");
            Files.writeString(argFile, "-cp " + quote(productClasspath()) + "\n", StandardCharsets.UTF_8);
            argFile.toFile().deleteOnExit();

            List<String> command = new ArrayList<>();
            command.add(javaExecutable());
            command.add("-Xmx512m");
            command.add("-XX:+ExitOnOutOfMemoryError");
            command.addAll(jvmOptions);
            command.add("@" + argFile);
            command.add(MAIN_CLASS);
            command.addAll(arguments);

            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(dataDir.toAbsolutePath().getParent().toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()));
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(k -> k.startsWith("WEFT_") || k.startsWith("SPRING_") || k.startsWith("SERVER_"));
            env.put("WEFT_DATA_DIR", dataDir.toAbsolutePath().toString());
            env.put("SERVER_PORT", String.valueOf(port));
            env.putAll(environment);

            long started = System.nanoTime();
            Process process = builder.start();
            awaitUp(process, port, logFile, started);
            return new WeftProcess(process, port, logFile, started, System.nanoTime());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start Weft", e);
        }
    }

    /** A fresh base64 pepper of 32 random bytes, to pass as {@code WEFT_TOKEN_PEPPER} to every start. */
    public static String newPepper() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** A directory for the logs of the Weft processes a test starts, under {@code target/} (scanned for secrets). */
    public static Path logDirectory(String name) {
        Path target = Path.of(System.getProperty("basedir", "."), "target", "weft-processes");
        return target.resolve(name + "-" + System.currentTimeMillis() + "-" + ProcessHandle.current().pid());
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return logFile;
    }

    /** How long the start took until {@code /ping} answered 200. */
    public Duration startupTime() {
        return Duration.ofNanos(upNanos - startedNanos);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The whole log so far. */
    public String log() {
        return readLog(logFile);
    }

    /**
     * {@code kill -9}: {@link Process#destroyForcibly()} (SIGKILL on Linux) and waits for the exit. Returns the
     * exit value ({@code 137} = 128 + SIGKILL on Linux).
     */
    public int kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Weft (pid " + process.pid() + ") did not die within 30 s of SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return process.exitValue();
    }

    /** Stops the process if it still runs: SIGTERM (graceful shutdown), then SIGKILL after 20 s. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static void awaitUp(Process process, int port, Path logFile, long started) {
        URI ping = URI.create("http://127.0.0.1:" + port + "/ping");
        long deadline = started + START_TIMEOUT.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Weft exited (code " + process.exitValue() + ") before answering /ping. "
                        + "Log " + logFile + ":\n" + tail(readLog(logFile), 150));
            }
            try {
                HttpResponse<Void> response = PING.send(HttpRequest.newBuilder(ping).timeout(Duration.ofSeconds(2)).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
                last = "status " + response.statusCode();
            } catch (IOException e) {
                last = e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
                throw new IllegalStateException(e);
            }
            sleep(100);
        }
        process.destroyForcibly();
        throw new IllegalStateException("Weft did not answer /ping with 200 within " + START_TIMEOUT.toSeconds()
                + " s (last: " + last + "). Log " + logFile + ":\n" + tail(readLog(logFile), 150));
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** The test JVM's classpath without test classes. */
    private static String productClasspath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .filter(entry -> !Path.of(entry).normalize().endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** Quoted for a java launcher {@code @argfile}. */
    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String readLog(Path logFile) {
        try {
            return Files.exists(logFile) ? new String(Files.readAllBytes(logFile), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private static String tail(String text, int lines) {
        String[] all = text.split("\n", -1);
        return String.join("\n", Arrays.asList(all).subList(Math.max(0, all.length - lines), all.length));
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
