package dev.weft.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.opentest4j.TestAbortedException;

/**
 * External programs (runtimes such as {@code node} or {@code python3}) that a test needs, and running them.
 *
 * <p>Contract: a {@code require…} method returns normally when the runtime is there. When it is missing the
 * calling test is aborted (reported as skipped, with the reason and how to install it) — unless the
 * environment variable {@code CI} is {@code true}: then it fails with an {@link AssertionError}, because CI
 * must never silently skip. {@link #run} runs a command to completion with a timeout and captures its output;
 * {@link Run#describe} renders it for assertion messages with secrets redacted.
 */
public final class ExternalRuntime {

    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(30);

    private ExternalRuntime() {}

    /**
     * The executable {@code name} — an absolute path, or a bare name looked up on {@code PATH} — else the
     * test is aborted (or fails under {@code CI=true}) with {@code installHint}.
     */
    public static Path requireCommand(String name, String installHint) {
        return findCommand(name).orElseThrow(() -> missing(
                "'" + name + "' not found" + (name.contains(File.separator) ? "" : " on PATH") + " (" + installHint + ")"));
    }

    /**
     * Requires that {@code command} runs and exits 0 within 30 s (e.g. {@code python3 -c "import requests"}),
     * else aborts (or fails under {@code CI=true}) with {@code what}, {@code installHint} and the command's
     * output. The executable itself is checked with {@link #requireCommand} first.
     */
    public static void requireSucceeds(String what, String installHint, String... command) {
        requireCommand(command[0], installHint);
        Run run;
        try {
            run = run(List.of(command), null, Map.of(), CHECK_TIMEOUT);
        } catch (UncheckedIOException e) {
            throw missing(what + " (" + installHint + "): " + e.getCause().getMessage());
        }
        if (run.timedOut() || run.exitCode() != 0) {
            throw missing(what + " (" + installHint + "): `" + String.join(" ", command) + "` "
                    + (run.timedOut() ? "timed out" : "exited " + run.exitCode()) + "; stderr: " + run.stderr().strip());
        }
    }

    /** Whether {@code CI=true}: then missing runtimes fail instead of skipping. */
    public static boolean onCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** The error to throw for a missing runtime: an abort (skip) locally, an {@link AssertionError} on CI. */
    public static RuntimeException missing(String reason) {
        if (onCi()) {
            throw new AssertionError(reason + " — CI=true, so failing instead of skipping");
        }
        return new TestAbortedException(reason + ": skipping");
    }

    /** The executable on {@code PATH} (or at the absolute path given), if any. */
    public static Optional<Path> findCommand(String name) {
        if (name.contains(File.separator)) {
            Path path = Path.of(name);
            return Files.isRegularFile(path) && Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        String pathVar = System.getenv("PATH");
        if (pathVar == null) {
            return Optional.empty();
        }
        return Arrays.stream(pathVar.split(File.pathSeparator)).filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir).resolve(name))
                .filter(p -> Files.isRegularFile(p) && Files.isExecutable(p))
                .findFirst();
    }

    /**
     * Runs {@code command} in {@code directory} (null: the current one) with the inherited environment plus
     * {@code environment}, stdin closed, stdout and stderr captured to temp files (so a chatty process cannot
     * block on a full pipe). After {@code timeout} the process and its descendants are killed and the result
     * says {@link Run#timedOut()}. Throws {@link UncheckedIOException} if the process cannot be started.
     */
    public static Run run(List<String> command, Path directory, Map<String, String> environment, Duration timeout) {
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("weft-proc-", ".out");
            err = Files.createTempFile("weft-proc-", ".err");
            var builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            if (directory != null) {
                builder.directory(directory.toFile());
            }
            builder.environment().putAll(environment);
            Process process = builder.start();
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            return new Run(command, finished ? process.exitValue() : -1, !finished, timeout,
                    Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + command.getFirst(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command.getFirst(), e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temp file left behind is harmless
            }
        }
    }

    /** A finished (or killed) process: exit code (-1 if timed out), stdout, stderr. */
    public record Run(List<String> command, int exitCode, boolean timedOut, Duration timeout, String stdout,
            String stderr) {

        /**
         * Command, exit code, stdout and stderr for an assertion message, with every non-empty secret replaced
         * by {@code <token>} everywhere (including the command line).
         */
        public String describe(String... secrets) {
            String text = "command: " + String.join(" ", command) + "\n"
                    + (timedOut ? "TIMED OUT after " + timeout.toSeconds() + " s" : "exit code: " + exitCode) + "\n"
                    + "--- stdout ---\n" + stdout + (stdout.endsWith("\n") || stdout.isEmpty() ? "" : "\n")
                    + "--- stderr ---\n" + stderr;
            return redact(text, secrets);
        }

        /** {@code text} with every non-empty secret replaced by {@code <token>}. */
        public static String redact(String text, String... secrets) {
            String result = text;
            for (String secret : secrets) {
                if (secret != null && !secret.isEmpty()) {
                    result = result.replace(secret, "<token>");
                }
            }
            return result;
        }
    }
}
