package dev.weft.testsupport;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OAuth client app of {@code src/test/clients/oauth-client.mjs} (the oauth4webapi library), run one step at
 * a time as a separate Node process. Needs node and npm (skipped locally when missing, failing under
 * {@code CI=true}); installs the clients' node_modules with {@code npm ci} when oauth4webapi is not there.
 * Secrets go to the script through its environment and are redacted from every failure message.
 */
public final class OAuthClientScript {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static boolean ready;

    private final String baseUrl;
    private final String clientId;
    private final String clientSecret;

    public OAuthClientScript(String baseUrl, String clientId, String clientSecret) {
        this.baseUrl = baseUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    /** Skips (or fails on CI) when Node is missing; installs node_modules once. */
    public static synchronized void requireNode() {
        ExternalRuntime.requireCommand("node", "install Node.js 20+, e.g. apt-get install nodejs");
        ExternalRuntime.requireCommand("npm", "install npm, e.g. apt-get install npm");
        if (ready) {
            return;
        }
        Path dir = clientsDir();
        if (!Files.isRegularFile(dir.resolve("node_modules/oauth4webapi/package.json"))) {
            var npm = ExternalRuntime.run(List.of("npm", "ci", "--no-audit", "--no-fund"), dir, Map.of(), Duration.ofMinutes(5));
            if (npm.exitCode() != 0 || !Files.isRegularFile(dir.resolve("node_modules/oauth4webapi/package.json"))) {
                fail("npm ci in " + dir + " did not install oauth4webapi\n" + npm.describe());
            }
        }
        ready = true;
    }

    /** The authorization URL the app sends the user to: {@code url}, {@code state}, {@code codeVerifier} (or null). */
    public JsonNode authorize(String redirectUri, String scope, boolean pkce) {
        return step("authorize", Map.of("REDIRECT_URI", redirectUri, "SCOPE", scope, "PKCE", pkce ? "1" : "0"));
    }

    /** Exchanges the code of the callback URL: {@code {ok, token}} or {@code {ok:false, error, status}}. */
    public JsonNode exchange(String redirectUri, String callbackUrl, String state, String codeVerifier, String clientAuth) {
        Map<String, String> env = new HashMap<>(Map.of("REDIRECT_URI", redirectUri, "CALLBACK_URL", callbackUrl,
                "STATE", state, "CLIENT_AUTH", clientAuth));
        if (codeVerifier != null) {
            env.put("CODE_VERIFIER", codeVerifier);
        }
        return step("exchange", env);
    }

    public JsonNode revoke(String accessToken, String clientAuth) {
        return step("revoke", Map.of("ACCESS_TOKEN", accessToken, "CLIENT_AUTH", clientAuth));
    }

    private JsonNode step(String step, Map<String, String> settings) {
        Map<String, String> env = new HashMap<>(settings);
        env.put("WEFT_BASE_URL", baseUrl);
        env.put("CLIENT_ID", clientId);
        env.put("CLIENT_SECRET", clientSecret);
        var run = ExternalRuntime.run(List.of("node", "oauth-client.mjs", step), clientsDir(), env, TIMEOUT);
        String[] secrets = Stream.concat(Stream.of(clientSecret), settings.values().stream()).toArray(String[]::new);
        if (run.exitCode() != 0) {
            fail("oauth-client.mjs " + step + " failed\n" + run.describe(secrets));
        }
        String[] lines = run.stdout().strip().split("\n");
        try {
            return JSON.readTree(lines[lines.length - 1]);
        } catch (RuntimeException e) {
            return fail("oauth-client.mjs " + step + " printed no JSON\n" + run.describe(secrets));
        }
    }

    private static Path clientsDir() {
        List<Path> candidates = Stream.of(System.getProperty("basedir"), System.getProperty("user.dir"))
                .filter(dir -> dir != null && !dir.isBlank())
                .map(dir -> Path.of(dir).toAbsolutePath().resolve("src/test/clients")).toList();
        return candidates.stream().filter(dir -> Files.isRegularFile(dir.resolve("oauth-client.mjs"))).findFirst()
                .orElseThrow(() -> new AssertionError("src/test/clients/oauth-client.mjs not found under " + candidates));
    }
}
