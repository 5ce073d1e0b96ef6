package dev.weft.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs after the whole test suite (Failsafe, in {@code mvn verify}): scans every log and captured output
 * the suite left under {@code target/} — test reports, the output of every test JVM with the application's
 * own logs, the logs of Weft processes the tests started — and finds no token, Authorization value or test
 * password in any of them.
 */
class NoSecretsInLogsIT {

    /** Every Weft secret has this shape (README: the scanner pattern). */
    static final Pattern TOKEN = Pattern.compile("weft_(site|app|cs)_[0-9A-Za-z]{36}");
    /** A bearer credential that was not redacted. */
    static final Pattern BEARER = Pattern.compile("(?i)bearer\\s+(?!\\[REDACTED]|<token>|YOUR_API_TOKEN|\\$\\{)[A-Za-z0-9_\\-.]{16,}");
    /** Passwords the tests sign up with. */
    static final List<String> PASSWORDS = List.of("correct horse battery", "analytical-engine", "long-enough-password");

    @Test
    void noSecretAppearsInAnyLogOrCapturedOutput() throws IOException {
        Path target = Path.of("target");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(target)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> {
                        String name = p.getFileName().toString();
                        return name.endsWith(".txt") || name.endsWith(".log") || name.endsWith(".xml") && p.toString().contains("reports")
                                || name.endsWith(".dumpstream");
                    })
                    .filter(p -> !p.startsWith(target.resolve("failsafe-reports")))
                    .toList();
        }
        assertThat(files).as("the suite's outputs under target/").isNotEmpty()
                .anyMatch(p -> p.getFileName().toString().endsWith("-output.txt"));

        List<String> findings = new ArrayList<>();
        long bytes = 0;
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.ISO_8859_1);
            bytes += text.length();
            find(file, text, TOKEN, "token", findings);
            find(file, text, BEARER, "bearer value", findings);
            for (String password : PASSWORDS) {
                if (text.contains(password)) {
                    findings.add(file + ": a test password");
                }
            }
        }
        System.out.printf("scanned %d files, %d bytes of logs and captured output%n", files.size(), bytes);
        assertThat(findings).isEmpty();
    }

    private static void find(Path file, String text, Pattern pattern, String what, List<String> findings) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            String hit = m.group();
            findings.add(file + ": " + what + " " + hit.substring(0, Math.min(14, hit.length())) + "…");
        }
    }
}
