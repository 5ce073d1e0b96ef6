package dev.weft.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.accounts.User;
import dev.weft.sites.Site;
import dev.weft.sites.SiteService;
import dev.weft.testsupport.WeftHttpTest;
import dev.weft.tokens.TokenFormat;
import dev.weft.tokens.TokenKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Generated requests against the running API over real HTTP (issue 3, part 4): Authorization headers, paths,
 * query strings and bodies, from a seeded generator. Every answer must be: never 5xx; on an API path with a
 * status ≥ 400, JSON in the version's error format (v1 {@code msg, code, name, path, err}; v2 under /v2
 * {@code code, message, externalReference, details}); never a stack trace; never a token of the request.
 *
 * <p>Reproduce: every failure names the seed and the case number. Re-run one case with
 * {@code -Dweft.fuzz.seed=<seed> -Dweft.fuzz.case=<n>}; change the amount with {@code -Dweft.fuzz.cases=<n>}.
 * A case's shape depends only on the seed and its number; the token values differ from run to run.
 *
 * <p>Transport: a request {@link HttpClient} can express goes through it; a request it refuses to send
 * (control bytes such as NUL, CR, LF in a header value, bytes outside printable ASCII, characters not
 * allowed in a URI) is written byte for byte to a {@link Socket}, and some valid ones are too, to cover
 * both paths.
 *
 * <p>Tomcat-level rejections ({@link Req#protocolInvalid()}): a request that is not valid HTTP/1.1 (a control
 * byte in a header value, a byte not allowed in the request target or a malformed {@code %} escape — RFC 9112
 * and RFC 3986 grammar —, a header section over Tomcat's 8 KiB limit, broken chunked framing) may be refused
 * by Tomcat before it becomes a request, with a bare 400 that is not JSON. For those requests, and only those,
 * a non-JSON 400 is accepted (counted as "tomcat-rejected" in the summary); if the answer is JSON the full
 * checks apply. Every other request is well-formed HTTP that Tomcat parsed and every check applies to it,
 * including a request target that is valid but that Tomcat refuses to decode ({@code %00}, escapes that are
 * not UTF-8, dot segments above the root): the README promises JSON for every answer. Paths outside the API
 * (near misses such as {@code /Sites} or {@code /info/x}, which the dashboard answers) are held only to: no
 * 5xx, no stack trace, no token.
 */
@TestPropertySource(properties = "weft.api.rate-limit-max=1000000")
class ApiFuzzTests extends WeftHttpTest {

    static final long SEED = Long.getLong("weft.fuzz.seed", 0x5EED_3A11L);
    static final int CASES = Integer.getInteger("weft.fuzz.cases", 10_400);
    static final Integer ONLY_CASE = Integer.getInteger("weft.fuzz.case");
    static final int THREADS = 8;
    /** Failures shown per kind of violation and generator. */
    static final int EXAMPLES = Integer.getInteger("weft.fuzz.examples", 3);
    /** Tomcat's default limit on the request line plus headers (server.max-http-request-header-size). */
    static final int HEADER_LIMIT = 8 * 1024;
    static final String[] CATEGORIES = {"authorization", "path", "query", "body"};
    static final String[] METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE"};
    static final Pattern SCANNER = Pattern.compile("weft_(site|app|cs)_[0-9A-Za-z]{36}");
    static final Pattern TOKENISH = Pattern.compile("[A-Za-z0-9_\\-.~+/=]{12,}");
    static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @Autowired
    SiteService sites;

    /** What the generators draw on. */
    record World(String token, String revoked, String siteId, String foreignSiteId) {}

    World world;

    @BeforeEach
    void world() {
        User owner = fixtures.user();
        Site site = fixtures.site(owner);
        String first = fixtures.siteToken(owner, site);
        String token = fixtures.siteToken(owner, site); // regenerating revokes the first
        sites.setRateLimit(owner.id(), site.id(), 1_000_000);
        User other = fixtures.user();
        Site foreign = fixtures.site(other, "blank");
        world = new World(token, first, site.id(), foreign.id());
    }

    /** Counts over the whole class, for the summary printed after the last category. */
    static final Stats ALL = new Stats();

    @Test
    void authorizationHeaders() throws Exception {
        fuzz("authorization");
    }

    @Test
    void paths() throws Exception {
        fuzz("path");
    }

    @Test
    void queryStrings() throws Exception {
        fuzz("query");
    }

    @Test
    void bodiesMethodsAndContentTypes() throws Exception {
        fuzz("body");
    }

    @AfterAll
    static void summary() {
        System.out.println(ALL.summary("all categories"));
        System.out.println(ALL.generators());
    }

    /**
     * Sends this category's cases (case numbers n with n % 4 its index, so every case number belongs to exactly
     * one category), checks every answer, and fails listing every kind of violation with examples.
     */
    void fuzz(String category) throws Exception {
        int index = List.of(CATEGORIES).indexOf(category);
        List<Integer> numbers = new ArrayList<>();
        for (int n = 0; n < CASES; n++) {
            if (n % CATEGORIES.length == index && (ONLY_CASE == null || ONLY_CASE == n)) {
                numbers.add(n);
            }
        }
        long started = System.nanoTime();
        Stats stats = new Stats();
        ConcurrentLinkedQueue<String> examples = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int n : numbers) {
                futures.add(pool.submit(() -> {
                    Req req = generate(n);
                    Resp resp = send(req);
                    List<String> problems = check(req, resp);
                    for (Stats s : List.of(stats, ALL)) {
                        s.record(req, resp, problems);
                    }
                    for (String problem : problems) {
                        if (stats.violations.get(kindOf(problem) + " " + req.generator).sum() <= EXAMPLES) {
                            examples.add(problem + "\n" + describe(req, resp));
                        }
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        stats.seconds.add((System.nanoTime() - started) / 1_000_000_000L);
        ALL.seconds.add((System.nanoTime() - started) / 1_000_000_000L);
        String summary = stats.summary(category);
        System.out.println(summary);

        if (ONLY_CASE == null) {
            assertThat(numbers).hasSize(CASES / CATEGORIES.length);
        }
        assertThat(examples)
                .as("%s%nviolations by kind and generator: %s%nexamples, up to %d of each kind and generator (reproduce one"
                        + " with -Dweft.fuzz.seed=%d -Dweft.fuzz.case=N):", summary, stats.sorted(stats.violations), EXAMPLES, SEED)
                .isEmpty();
    }

    // ------------------------------------------------------------------------------------------------ model

    /** One generated request. Header values and the target are byte strings: each char is one byte (0-255). */
    static final class Req {
        final int number;
        final String category;
        String generator;
        String method = "GET";
        String target;
        final List<String[]> headers = new ArrayList<>();
        byte[] body;
        /** Raw socket only: write exactly this framing (no Content-Length added). */
        boolean customFraming;
        /** Raw socket only: the request line's protocol. */
        String protocol = "HTTP/1.1";
        boolean omitHost;
        boolean forceRaw;
        /** The generator made it invalid HTTP/1.1 on purpose, beyond what {@link #protocolInvalid} detects. */
        boolean invalidFraming;
        /** Values that must never come back: tokens and credentials this request carries. */
        final Set<String> secrets = new LinkedHashSet<>();

        Req(int number, String category) {
            this.number = number;
            this.category = category;
        }

        Req header(String name, String value) {
            headers.add(new String[] {name, value});
            return this;
        }

        String path() {
            String t = target;
            int cut = t.length();
            for (char c : new char[] {'?', '#'}) {
                int at = t.indexOf(c);
                if (at >= 0 && at < cut) {
                    cut = at;
                }
            }
            return t.substring(0, cut);
        }

        ApiVersion version() {
            String p = path();
            return p.equals("/v2") || p.startsWith("/v2/") ? ApiVersion.V2 : ApiVersion.V1;
        }

        /** The Data API's paths as the README lists them (compared on the path as sent). */
        boolean apiPath() {
            String p = path();
            return p.equals("/info") || p.equals("/user") || p.equals("/sites") || p.startsWith("/sites/")
                    || p.startsWith("/collections/") || p.startsWith("/webhooks/") || p.equals("/v2")
                    || p.startsWith("/v2/");
        }

        int headBytes() {
            int n = method.length() + target.length() + 40;
            for (String[] h : headers) {
                n += h[0].length() + h[1].length() + 4;
            }
            return n;
        }

        /** Not a valid HTTP/1.1 request, or over Tomcat's header limit: Tomcat may refuse it unparsed. */
        boolean protocolInvalid() {
            if (invalidFraming || omitHost || headBytes() > HEADER_LIMIT - 1024) {
                return true;
            }
            for (String[] h : headers) {
                for (int i = 0; i < h[1].length(); i++) {
                    char c = h[1].charAt(i);
                    if ((c < 0x20 && c != '\t') || c == 0x7f) {
                        return true;
                    }
                }
            }
            for (int i = 0; i < target.length(); i++) {
                char c = target.charAt(i);
                if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                        || "-._~!$&'()*+,;=:@/?%".indexOf(c) >= 0)) {
                    return true;
                }
                if (c == '%' && !(i + 2 < target.length() && hex(target.charAt(i + 1)) && hex(target.charAt(i + 2)))) {
                    return true; // not pct-encoded = "%" HEXDIG HEXDIG (RFC 3986)
                }
            }
            if (undecodableTarget(path())) {
                return true;
            }
            for (int i = 0; i < method.length(); i++) {
                char c = method.charAt(i);
                if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || "!#$%&'*+-.^_`|~".indexOf(c) >= 0)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * A request target that is valid RFC 3986 but that Tomcat refuses to decode before any application code
         * or error page runs: {@code %00}, percent escapes that are not UTF-8, dot segments that climb above
         * the root. Tomcat answers those with its own bare 400 (a known limit, documented in the README).
         */
        static boolean undecodableTarget(String path) {
            String decoded;
            try {
                byte[] bytes = new byte[path.length()];
                int n = 0;
                for (int i = 0; i < path.length(); i++) {
                    char c = path.charAt(i);
                    if (c == '%' && i + 2 < path.length() && hex(path.charAt(i + 1)) && hex(path.charAt(i + 2))) {
                        bytes[n++] = (byte) Integer.parseInt(path.substring(i + 1, i + 3), 16);
                        i += 2;
                    } else {
                        bytes[n++] = (byte) c;
                    }
                }
                decoded = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                        .decode(java.nio.ByteBuffer.wrap(bytes, 0, n)).toString();
            } catch (java.nio.charset.CharacterCodingException e) {
                return true;
            }
            if (decoded.indexOf('\u0000') >= 0) {
                return true;
            }
            int depth = 0;
            for (String segment : decoded.split("/", -1)) {
                if (segment.equals("..")) {
                    if (--depth < 0) {
                        return true;
                    }
                } else if (!segment.isEmpty() && !segment.equals(".")) {
                    depth++;
                }
            }
            return false;
        }

        /** Needs the raw socket: HttpClient refuses (or would alter) it. */
        boolean raw() {
            if (forceRaw || customFraming || omitHost || !protocol.equals("HTTP/1.1")) {
                return true;
            }
            for (String[] h : headers) {
                for (int i = 0; i < h[1].length(); i++) {
                    char c = h[1].charAt(i);
                    if (c != '\t' && (c < 0x20 || c > 0x7e)) {
                        return true;
                    }
                }
            }
            for (int i = 0; i < target.length(); i++) {
                char c = target.charAt(i);
                if (c <= 0x20 || c >= 0x7f) {
                    return true; // HttpClient would re-encode it (e.g. as UTF-8) or refuse it
                }
            }
            try {
                URI uri = URI.create("http://127.0.0.1:1" + target);
                String sent = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
                return !sent.equals(target) || uri.getRawFragment() != null;
            } catch (IllegalArgumentException e) {
                return true;
            }
        }

        private static boolean hex(char c) {
            return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
        }
    }

    /** An answer; status -1 when none came (the reason in {@code error}). */
    record Resp(int status, Map<String, List<String>> headers, byte[] body, String transport, String error) {
        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.getFirst();
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    // ------------------------------------------------------------------------------------------------ checks

    List<String> check(Req req, Resp resp) {
        List<String> problems = new ArrayList<>();
        String where = "case " + req.number + " (" + req.generator + ")";
        if (resp.status() < 0) {
            problems.add("no-answer: " + where + ": " + resp.error());
            return problems;
        }
        String body = resp.text();
        if (resp.status() >= 500) {
            problems.add("5xx: " + where + ": status " + resp.status());
        }
        for (String trace : new String[] {"Exception", "at dev.weft", "at org.", "\tat "}) {
            if (body.contains(trace)) {
                problems.add("stack-trace: " + where + ": the body contains '" + trace.replace("\t", "\\t") + "'");
            }
        }
        if (body.contains(world.foreignSiteId()) && !req.target.contains(world.foreignSiteId())) {
            problems.add("other-site-in-body: " + where + ": the body names another user's site the request did not");
        }
        String headerText = resp.headers().toString();
        for (String secret : secrets(req)) {
            if (body.contains(secret)) {
                problems.add("token-in-body: " + where + ": the body repeats " + label(secret));
            }
            if (headerText.contains(secret)) {
                problems.add("token-in-header: " + where + ": a response header repeats " + label(secret));
            }
        }
        if (!req.apiPath()) {
            return problems; // the dashboard's (near-miss paths): no 5xx, no stack trace, no token is all it owes
        }
        String contentType = resp.header("Content-Type");
        boolean json = isJson(resp);
        if (req.protocolInvalid() && !json) {
            if (resp.status() != 400) {
                problems.add("tomcat-rejection-not-400: " + where + ": a request Tomcat refused got " + resp.status());
            }
            return problems;
        }
        if (req.method.equals("HEAD")) {
            return problems;
        }
        if (resp.status() >= 400) {
            if (!json) {
                problems.add("error-not-json: " + where + ": status " + resp.status() + " with Content-Type " + contentType);
                return problems;
            }
            JsonNode node;
            try {
                node = JSON.readTree(body);
            } catch (RuntimeException e) {
                problems.add("error-body-not-json: " + where + ": status " + resp.status());
                return problems;
            }
            problems.addAll(errorFormat(req, resp, node, where));
        } else if (body.length() > 0) {
            if (!json) {
                problems.add("answer-not-json: " + where + ": status " + resp.status() + " with Content-Type " + contentType);
            } else {
                try {
                    JSON.readTree(body);
                } catch (RuntimeException e) {
                    problems.add("answer-body-not-json: " + where + ": status " + resp.status());
                }
            }
        }
        return problems;
    }

    static boolean isJson(Resp resp) {
        String contentType = resp.header("Content-Type");
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/json");
    }

    static List<String> errorFormat(Req req, Resp resp, JsonNode node, String where) {
        List<String> problems = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        if (node.isObject()) {
            node.propertyNames().forEach(keys::add);
        }
        if (req.version() == ApiVersion.V2) {
            boolean ok = keys.equals(Set.of("code", "message", "externalReference", "details"))
                    && node.get("code").isString() && node.get("message").isString()
                    && (node.get("externalReference").isNull() || node.get("externalReference").isString())
                    && node.get("details").isArray();
            if (!ok) {
                problems.add("not-v2-error-format: " + where + ": status " + resp.status() + ", keys " + keys);
            }
        } else {
            boolean ok = keys.equals(Set.of("msg", "code", "name", "path", "err"))
                    && node.get("msg").isString() && node.get("name").isString() && node.get("path").isString()
                    && node.get("err").isString() && node.get("code").isInt()
                    && node.get("code").asInt() == resp.status();
            if (!ok) {
                problems.add("not-v1-error-format: " + where + ": status " + resp.status() + ", keys " + keys
                        + (node.has("code") ? ", code " + node.get("code") : ""));
            }
        }
        if (resp.status() == 401) {
            String challenge = resp.header("WWW-Authenticate");
            if (challenge == null || !challenge.startsWith("Bearer realm=")) {
                problems.add("401-without-bearer-challenge: " + where);
            }
        }
        return problems;
    }

    /** The tokens and credentials of a request: never to be repeated by the answer. */
    Set<String> secrets(Req req) {
        Set<String> out = new LinkedHashSet<>(req.secrets);
        out.add(world.token());
        out.add(world.revoked());
        StringBuilder all = new StringBuilder(req.target);
        for (String[] h : req.headers) {
            all.append('\n').append(h[1]);
            if (h[0].equalsIgnoreCase("Authorization")) {
                String value = h[1].strip();
                int space = -1;
                for (int i = 0; i < value.length(); i++) {
                    if (Character.isWhitespace(value.charAt(i))) {
                        space = i;
                        break;
                    }
                }
                String credential = space < 0 ? value : value.substring(space);
                Matcher m = TOKENISH.matcher(credential);
                while (m.find()) {
                    out.add(m.group());
                }
            }
        }
        if (req.body != null) {
            all.append('\n').append(new String(req.body, StandardCharsets.ISO_8859_1));
        }
        Matcher m = SCANNER.matcher(all);
        while (m.find()) {
            out.add(m.group());
        }
        Matcher q = Pattern.compile("(?i)access(_|%5f)token=([^&;#]*)").matcher(req.target);
        while (q.find()) {
            Matcher t = TOKENISH.matcher(q.group(2));
            while (t.find()) {
                out.add(t.group());
            }
        }
        return out;
    }

    String label(String secret) {
        if (secret.equals(world.token())) {
            return "the valid site token";
        }
        if (secret.equals(world.revoked())) {
            return "the revoked site token";
        }
        return "a credential of the request (" + secret.length() + " chars: " + redact(secret) + ")";
    }

    static String kindOf(String problem) {
        return problem.substring(0, problem.indexOf(':'));
    }

    // ------------------------------------------------------------------------------------------------ transport

    Resp send(Req req) {
        return req.raw() ? sendRaw(req) : sendHttpClient(req);
    }

    Resp sendHttpClient(Req req) {
        Resp first = sendHttpClientOnce(req);
        // a pooled connection the server had just closed fails without reaching it: one retry on a new one
        return first.status() < 0 && first.transport().equals("httpclient") ? sendHttpClientOnce(req) : first;
    }

    Resp sendHttpClientOnce(Req req) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + req.target))
                    .timeout(Duration.ofSeconds(30));
            for (String[] h : req.headers) {
                b.header(h[0], h[1]);
            }
            b.method(req.method, req.body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(req.body));
            HttpResponse<byte[]> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            Map<String, List<String>> headers = new TreeMap<>();
            r.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
            return new Resp(r.statusCode(), headers, r.body(), "httpclient", null);
        } catch (IllegalArgumentException e) {
            // HttpClient refused to build it: write it to the socket as it is
            return sendRaw(req);
        } catch (IOException e) {
            return new Resp(-1, Map.of(), new byte[0], "httpclient", e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Resp sendRaw(Req req) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        latin1(out, req.method + " " + req.target + " " + req.protocol + "\r\n");
        if (!req.omitHost) {
            latin1(out, "Host: 127.0.0.1:" + port + "\r\n");
        }
        for (String[] h : req.headers) {
            latin1(out, h[0] + ": " + h[1] + "\r\n");
        }
        if (req.body != null && !req.customFraming) {
            latin1(out, "Content-Length: " + req.body.length + "\r\n");
        }
        latin1(out, "Connection: close\r\n\r\n");
        if (req.body != null) {
            out.writeBytes(req.body);
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream os = socket.getOutputStream();
            try {
                os.write(out.toByteArray());
                os.flush();
            } catch (IOException e) {
                // the server may answer and close before reading everything: read what it said
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[16384];
            try {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    answer.write(buffer, 0, n);
                }
            } catch (IOException e) {
                if (answer.size() == 0) {
                    return new Resp(-1, Map.of(), new byte[0], "raw", e.getClass().getSimpleName() + ": " + e.getMessage());
                }
            }
            return parse(answer.toByteArray());
        } catch (IOException e) {
            return new Resp(-1, Map.of(), new byte[0], "raw", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** The first answer on the connection (a request split by CR/LF injection may get a second one). */
    static Resp parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0 || !text.startsWith("HTTP/1.")) {
            return new Resp(-1, Map.of(), bytes, "raw", "unparseable answer of " + bytes.length + " bytes");
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).trim());
            }
        }
        int start = end + 4;
        byte[] body;
        List<String> te = headers.get("transfer-encoding");
        List<String> cl = headers.get("content-length");
        if (te != null && te.getFirst().equalsIgnoreCase("chunked")) {
            body = dechunk(bytes, start);
        } else if (cl != null) {
            int length = Integer.parseInt(cl.getFirst());
            body = Arrays.copyOfRange(bytes, start, Math.min(bytes.length, start + length));
        } else {
            body = Arrays.copyOfRange(bytes, start, bytes.length);
        }
        return new Resp(status, headers, body, "raw", null);
    }

    static byte[] dechunk(byte[] bytes, int start) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String s = new String(bytes, StandardCharsets.ISO_8859_1);
        int at = start;
        while (at < s.length()) {
            int eol = s.indexOf("\r\n", at);
            if (eol < 0) {
                break;
            }
            int size = Integer.parseInt(s.substring(at, eol).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            out.write(bytes, eol + 2, Math.min(size, bytes.length - eol - 2));
            at = eol + 2 + size + 2;
        }
        return out.toByteArray();
    }

    static void latin1(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    // ------------------------------------------------------------------------------------------------ generators

    Req generate(int number) {
        SplittableRandom r = new SplittableRandom(SEED * 0x9E3779B97F4A7C15L + number * 0xBF58476D1CE4E5B9L);
        String category = CATEGORIES[number % CATEGORIES.length];
        Req req = new Req(number, category);
        switch (category) {
            case "authorization" -> authorizationCase(r, req);
            case "path" -> pathCase(r, req);
            case "query" -> queryCase(r, req);
            default -> bodyCase(r, req);
        }
        extras(r, req);
        return req;
    }

    /** A real route, sometimes aimed at another site or a missing one. */
    String route(SplittableRandom r) {
        String id = switch (r.nextInt(6)) {
            case 0 -> world.foreignSiteId();
            case 1 -> hexId(r);
            default -> world.siteId();
        };
        return pick(r, "/sites", "/sites/" + id, "/info", "/user", "/v2/sites", "/v2/sites/" + id,
                "/v2/token/introspect", "/v2/token/authorized_by");
    }

    /** An ordinary credential: mostly the valid token. */
    void usualAuthorization(SplittableRandom r, Req req) {
        int k = r.nextInt(20);
        if (k < 13) {
            req.header("Authorization", "Bearer " + world.token());
        } else if (k < 15) {
            req.header("Authorization", "Bearer " + world.revoked());
        } else if (k < 17) {
            req.header("Authorization", "Bearer " + TokenFormat.generate(TokenKind.SITE));
        } else if (k < 18) {
            req.header("Authorization", "Bearer " + randomAscii(r, 1 + r.nextInt(60)));
        }
        // else: none
    }

    /** Occasional Accept, Accept-Version and Content-Type headers on any case. */
    void extras(SplittableRandom r, Req req) {
        if (r.nextInt(8) == 0) {
            req.header("Accept", pick(r, "application/json", "*/*", "text/html", "application/xml", "image/png",
                    "application/json;q=0", "a/b/c", "", ";;;", "text/*;q=0.1, application/json;q=0.9", randomAscii(r, 20)));
        }
        if (r.nextInt(12) == 0) {
            req.header("Accept-Version", pick(r, "1.0.0", "2.0.0", "", " 1.0.0 ", "1.0", "latest", "v1",
                    randomAscii(r, 1 + r.nextInt(30))));
        }
        if (r.nextInt(10) == 0 && req.body == null) {
            req.header("Content-Type", pick(r, "application/json", "text/plain", "application/x-www-form-urlencoded",
                    "multipart/form-data; boundary=x"));
        }
        if (r.nextInt(12) == 0 && !req.protocolInvalid()) {
            req.forceRaw = true; // the socket path for valid requests too
        }
    }

    void authorizationCase(SplittableRandom r, Req req) {
        req.target = route(r);
        if (r.nextInt(10) == 0) {
            req.method = pick(r, METHODS);
        }
        String t = r.nextInt(4) == 0 ? (r.nextBoolean() ? world.revoked() : TokenFormat.generate(TokenKind.SITE)) : world.token();
        req.secrets.add(t);
        String value;
        switch (r.nextInt(16)) {
            case 0 -> {
                req.generator = "authorization/random-bytes";
                value = randomBytes(r, r.nextInt(90));
            }
            case 1 -> {
                req.generator = "authorization/random-ascii";
                value = randomAscii(r, r.nextInt(300));
            }
            case 2, 3 -> {
                req.generator = "authorization/near-miss-bearer";
                value = pick(r, "Bearer" + t, "Bearer  " + t, "Bearer:" + t, "Bearer: " + t, "Bearer=" + t, "Bear " + t,
                        "Bearerr " + t, "Beare " + t, "earer " + t, "BEARER " + t, "bEaReR " + t, "Bearer " + t + " ",
                        " Bearer " + t, "Bearer " + t + ",", "Bearer," + t, "Bearer token=" + t, "Bearer " + t + ";",
                        "Bearer realm=x " + t, "Bearer Bearer " + t, "Bearer " + t + " " + t, "Bearer ", "Bearer",
                        "Bearer " + t.substring(10), "Bearer weft-site-" + t.substring(10), "Bearer " + t.toUpperCase(Locale.ROOT),
                        "Bearer " + t.toLowerCase(Locale.ROOT), "Bearer_" + t, "Bearer-" + t, "Bearer\\ " + t, "Bearer " + t + "=",
                        "Bearer " + t + "%20", "Bearer%20" + t, "Bearer+" + t, "Bearer " + t + "\\", "B e a r e r " + t,
                        "Bearer " + Base64.getEncoder().encodeToString(t.getBytes(StandardCharsets.US_ASCII)), t);
            }
            case 4 -> {
                req.generator = "authorization/quotes";
                String q = pick(r, "'", "\"", "`", "\u00b4");
                value = pick(r, q + "Bearer " + t, "Bearer " + q + t + q, "Bearer " + q + t, "Bearer " + t + q,
                        q + "Bearer " + t + q, "\"Bearer\" " + t, "Bearer " + q + q, q, q + q, "Bearer \"" + t + "'",
                        "Bearer " + q + " " + t);
            }
            case 5 -> {
                req.generator = "authorization/tabs-and-spaces";
                value = pick(r, "Bearer\t" + t, "\tBearer " + t, "Bearer " + t + "\t", "Bearer\t\t" + t, "\t",
                        " ", "   ", "Bearer \t " + t, "Bearer" + " ".repeat(1 + r.nextInt(200)) + t, "\t\t");
            }
            case 6 -> {
                req.generator = "authorization/very-long";
                int n = r.nextBoolean() ? 500 + r.nextInt(5000) : 9_000 + r.nextInt(12_000);
                value = pick(r, "Bearer " + t + randomBase62(r, n), "Bearer " + randomBase62(r, n), "Bearer " + "a".repeat(n),
                        "Bearer weft_site_" + randomBase62(r, n), randomAscii(r, n), "Bearer " + (t + " ").repeat(n / 40));
            }
            case 7 -> {
                req.generator = "authorization/valid-prefix-garbage";
                value = "Bearer " + pick(r, t + randomAscii(r, 1 + r.nextInt(20)), t.substring(0, 10 + r.nextInt(t.length() - 10))
                        + randomAscii(r, r.nextInt(30)), "weft_site_" + randomAscii(r, r.nextInt(60)),
                        "weft_site_" + randomBase62(r, r.nextInt(80)), t + "." + t, t + "/", t + "?x=1", t + "#", t + t,
                        "weft_", "weft_site", "weft_site_");
            }
            case 8 -> {
                req.generator = "authorization/flipped-chars";
                value = "Bearer " + flip(r, t);
            }
            case 9 -> {
                req.generator = "authorization/other-kinds";
                String body = t.substring(10, 40);
                value = "Bearer " + pick(r, TokenFormat.generate(TokenKind.APP), TokenFormat.generate(TokenKind.CLIENT_SECRET),
                        "weft_app_" + t.substring(10), "weft_cs_" + t.substring(10), withChecksum("weft_app_" + body),
                        withChecksum("weft_cs_" + body), "weft_SITE_" + t.substring(10), "weft_user_" + t.substring(10),
                        withChecksum("weft_user_" + body), "wf_site_" + t.substring(10), "weft_site_weft_site_" + t.substring(10),
                        "ghp_" + randomBase62(r, 36), "sk_live_" + randomBase62(r, 24), "eyJhbGciOiJIUzI1NiJ9." + randomBase62(r, 40)
                                + "." + randomBase62(r, 43));
            }
            case 10 -> {
                req.generator = "authorization/unicode";
                String u = pick(r, "\u0430", "\uff57", "\u200b", "\u202e", "\ud83d\ude00", "\ufeff", "\u00df", "\u0130", "\u20ac",
                        "\u0085", "\u00a0", "\u2028", "\u2003", "\u00e9", "\u0301", "\u3000");
                int at = r.nextInt(t.length());
                String mixed = pick(r, t.substring(0, at) + u + t.substring(at + 1), t + u, u + t, t.substring(0, at) + u + t.substring(at));
                String text = pick(r, "Bearer " + mixed, "Bearer" + u + t, u + "Bearer " + t, "B\u00e9arer " + t, "\u0392earer " + t);
                // UTF-8 on the wire mostly (as clients send), sometimes the ISO-8859-1 byte when it has one
                value = r.nextInt(4) > 0 || !text.chars().allMatch(c -> c < 256) ? utf8(text) : text;
            }
            case 11 -> {
                req.generator = "authorization/control-bytes";
                value = pick(r, "Bearer " + t + "\u0000", "Bearer\u0000" + t, "\u0000", "Bearer " + t + "\r\nX-Injected: 1",
                        "Bearer " + t + "\n continued", "Bearer\r" + t, "Bearer " + t + "\u007f", "\u001b[31mBearer " + t,
                        "Bearer\u000b" + t, "Bearer\u000c" + t, "Bearer " + t + "\r\n\r\nGET / HTTP/1.1", "Bearer \u0001" + t,
                        "Bearer " + t + "\r\n", "Bearer " + t + "\n");
            }
            case 12 -> {
                req.generator = "authorization/several-headers";
                req.header("Authorization", pick(r, "Bearer " + t, "", "Bearer " + world.token(), "Basic eDp5", "Bearer"));
                value = pick(r, "Bearer " + t, "Bearer " + world.token(), "", "Bearer " + randomAscii(r, 40));
                if (r.nextBoolean()) {
                    req.headers.add(new String[] {pick(r, "authorization", "AUTHORIZATION", "AuThOrIzAtIoN"), value});
                    return;
                }
            }
            case 13 -> {
                req.generator = "authorization/other-schemes";
                value = pick(r, "Basic " + Base64.getEncoder().encodeToString(("user:" + t).getBytes(StandardCharsets.US_ASCII)),
                        "Basic " + Base64.getEncoder().encodeToString((t + ":").getBytes(StandardCharsets.US_ASCII)),
                        "Token " + t, "token " + t, "OAuth " + t, "Digest username=\"x\", response=\"" + t + "\"", "Negotiate " + t,
                        "Bearer-Token " + t, "JWT " + t, "AWS4-HMAC-SHA256 Credential=" + t, "Basic", "Basic ", "Basic !!!",
                        randomAscii(r, 1 + r.nextInt(15)) + " " + t, "Bearer\u0000 " + t);
            }
            default -> {
                req.generator = "authorization/ordinary";
                value = pick(r, "Bearer " + world.token(), "bearer " + world.token(), "Bearer " + world.revoked(),
                        "Bearer " + TokenFormat.generate(TokenKind.SITE), null);
            }
        }
        if (value != null) {
            req.header("Authorization", value);
        }
    }

    static final String[] PATH_PREFIXES = {"/sites", "/sites", "/v2/sites", "/v2/sites", "/v2/token", "/v2/token/introspect",
        "/v2/token/authorized_by", "/info", "/user", "/v2", "/collections", "/webhooks", "/v2/collections", "/v2/webhooks",
        "/v2/sites/{site}", "/sites/{site}"};
    static final String[] NEAR_MISS_PATHS = {"/Sites", "/SITES", "/v3/sites", "/v2sites", "/infos", "/info/", "/info/x",
        "/user/", "/user/x", "/site", "/V2/sites", "/sites%2F", "/%73ites", "/v%32/sites", "/.sites", "/sites.json", "/info.json"};

    void pathCase(SplittableRandom r, Req req) {
        usualAuthorization(r, req);
        if (r.nextInt(6) == 0) {
            req.method = pick(r, METHODS);
        }
        if (r.nextInt(20) == 0) {
            req.generator = "path/near-miss-non-api";
            req.target = pick(r, NEAR_MISS_PATHS) + (r.nextBoolean() ? "" : "/" + world.siteId());
            return;
        }
        StringBuilder path = new StringBuilder(pick(r, PATH_PREFIXES).replace("{site}", world.siteId()));
        int segments = r.nextInt(4);
        String kind = "segments";
        for (int i = 0; i < segments || i == 0 && path.toString().endsWith("/sites"); i++) {
            int k = r.nextInt(22);
            path.append('/');
            switch (k) {
                case 0 -> path.append(world.siteId());
                case 1 -> path.append(world.foreignSiteId());
                case 2 -> path.append(hexId(r));
                case 3 -> path.append(world.siteId().toUpperCase(Locale.ROOT));
                case 4 -> path.append(world.siteId(), 0, 23);
                case 5 -> path.append(world.siteId()).append(pick(r, "0", "a", "-", ".", "~"));
                case 6 -> path.append(randomFrom(r, "ghijklmnopqrstuvwxyzGHIJ_-", 24));
                case 7 -> {
                    kind = "very-long-id";
                    int n = r.nextBoolean() ? 300 + r.nextInt(5000) : 9_000 + r.nextInt(10_000);
                    path.append(randomFrom(r, "0123456789abcdef", n));
                }
                case 8 -> {
                    kind = "dot-segments";
                    path.append(pick(r, ".", "..", "%2e", "%2E%2E", ".%2e", "%2e.", "...", "..;", ".;x", "%c0%ae%c0%ae",
                            "..%2f..", "..%5c..", "%2e%2e%2f"));
                }
                case 9 -> {
                    kind = "percent-encodings";
                    path.append(pick(r, "%2F", "%2f", "%5C", "%5c", "%00", "%25", "%252F", "%20", "%7e", "%41%42",
                            "%ef%bc%8f", "%e2%80%ae", "%ff", "%c3%28", "%0d%0a", "%09", "%3b", "%3F", "%23", "%u0041", "%%30%30"));
                }
                case 10 -> {
                    kind = "percent-encodings";
                    path.append(pctEncode(randomBytes(r, 1 + r.nextInt(12))));
                }
                case 11 -> {
                    kind = "percent-encodings";
                    path.append(pctEncode(utf8(pick(r, "\u00e9", "\u0430", "\ud83d\ude00", "\u202e", "\u200b", "\uff0f", "\u2215"))));
                }
                case 12 -> {
                    kind = "malformed-percent";
                    path.append(pick(r, "%", "%z", "%zz", "%g0", "%0", "x%", "%%", "%2"));
                }
                case 13 -> {
                    kind = "path-parameters";
                    path.append(pick(r, ";", ";jsessionid=1", ";x=y", world.siteId() + ";v=1", ";" + world.siteId()));
                }
                case 14 -> path.append(""); // an empty segment: //
                case 15 -> path.append(randomFrom(r, "abcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,=:@", 1 + r.nextInt(30)));
                case 16 -> {
                    kind = "token-in-path";
                    String t = pick(r, world.token(), world.revoked(), TokenFormat.generate(TokenKind.SITE),
                            TokenFormat.generate(TokenKind.APP));
                    req.secrets.add(t);
                    path.append(t);
                }
                case 17 -> {
                    kind = "raw-illegal-chars";
                    path.append(pick(r, "a b", "{x}", "a|b", "a\\b", "^", "`", "\"", "<x>", "[x]", "a\tb", "\u007f"));
                }
                case 18 -> {
                    kind = "raw-unicode";
                    path.append(utf8(pick(r, "\u00e9", "\u0430", "\ud83d\ude00", "\u202e", "caf\u00e9")));
                }
                case 19 -> path.append(pick(r, "nothing-here", "sites", "v2", "token", "introspect", "collections", "items",
                        "webhooks", "publish", "custom_domains", "info", "user", "..."));
                case 20 -> path.append(pick(r, "0", "-1", "null", "undefined", "true", "[]", "{}", "NaN", "1e999", "0x1"));
                default -> path.append(pick(r, "%2e%2e", "..")).append('/').append(pick(r, "info", "user", "v2", "login", "dashboard"));
            }
        }
        if (r.nextInt(6) == 0) {
            path.append('/');
        }
        req.generator = "path/" + kind;
        req.target = path.toString();
    }

    void queryCase(SplittableRandom r, Req req) {
        usualAuthorization(r, req);
        if (r.nextInt(8) == 0) {
            req.method = pick(r, METHODS);
        }
        String kind = "random";
        List<String> pairs = new ArrayList<>();
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            // weights: api_version 4, access_token 4, repeated 2, encodings 3, malformed 2, very long 2,
            // raw illegal 1, raw unicode 1, plain 5 (of 24)
            int k = r.nextInt(24);
            switch (k < 4 ? 0 : k < 8 ? 2 : k < 10 ? 4 : k < 13 ? 5 : k < 15 ? 6 : k < 17 ? 7 : k < 18 ? 8 : k < 19 ? 9 : 10) {
                case 0, 1 -> {
                    kind = "api_version";
                    pairs.add(pick(r, "api_version", "api_version", "API_VERSION", "api%5Fversion", "api_version[]")
                            + "=" + pick(r, "1.0.0", "2.0.0", "", "1.0", "1%2E0%2E0", "%31.0.0", "1.0.0%00", "1.0.0%20",
                                    "+1.0.0", "latest", "-1", randomFrom(r, "0123456789.", 1 + r.nextInt(30)),
                                    pctEncode(randomBytes(r, 1 + r.nextInt(20))), randomFrom(r, "0123456789abcdef.", 2000)));
                }
                case 2, 3 -> {
                    kind = "access_token";
                    String t = pick(r, world.token(), world.revoked(), TokenFormat.generate(TokenKind.SITE), "",
                            randomBase62(r, 20 + r.nextInt(30)));
                    if (!t.isEmpty()) {
                        req.secrets.add(t);
                    }
                    pairs.add(pick(r, "access_token", "access_token", "ACCESS_TOKEN", "access%5Ftoken", "access_token[]",
                            "accessToken", "token", "api_key") + pick(r, "=", "=", "==", "=Bearer%20", "=Bearer+") + t);
                }
                case 4 -> {
                    kind = "repeated-keys";
                    String key = pick(r, "api_version", "access_token", "x", "limit", "offset");
                    for (int j = 0, m = 2 + r.nextInt(30); j < m; j++) {
                        pairs.add(key + "=" + pick(r, "1.0.0", "2.0.0", "", "x", String.valueOf(j)));
                    }
                }
                case 5 -> {
                    kind = "encodings";
                    pairs.add(pctEncode(randomBytes(r, 1 + r.nextInt(10))) + "=" + pctEncode(randomBytes(r, r.nextInt(30))));
                }
                case 6 -> {
                    kind = "malformed";
                    pairs.add(pick(r, "%", "%zz", "a=%", "a=%z", "=", "==", "&", "a==b", "%%", "a=%u0041", "+", "a=+",
                            "%26=%3D", "a=%00", "%00=a", "a=%0d%0a"));
                }
                case 7 -> {
                    kind = "very-long";
                    int len = r.nextBoolean() ? 300 + r.nextInt(5000) : 9_000 + r.nextInt(8_000);
                    pairs.add(randomFrom(r, "abcdefghij", 1 + r.nextInt(10)) + "=" + randomFrom(r, "abcdefghijklmnop0123456789", len));
                }
                case 8 -> {
                    kind = "raw-illegal";
                    pairs.add(pick(r, "a=b c", "a=<x>", "a={}", "a=|", "a=\"", "a=b#frag", "a=\u007f", "a=\\"))
                            ;
                }
                case 9 -> {
                    kind = "raw-unicode";
                    pairs.add(utf8(pick(r, "q=\u00e9", "\u00e9=1", "q=\ud83d\ude00", "api_version=\u0661.0.0")));
                }
                default -> pairs.add(randomFrom(r, "abcdefghijklmnopqrstuvwxyz_", 1 + r.nextInt(10)) + "="
                        + randomFrom(r, "abcdefghijklmnopqrstuvwxyz0123456789-._~", r.nextInt(20)));
            }
        }
        String sep = r.nextInt(10) == 0 ? pick(r, ";", "&&", "&amp;") : "&";
        String query = String.join(sep, pairs);
        req.generator = "query/" + kind;
        req.target = route(r) + (r.nextInt(10) == 0 ? pick(r, "??", "?&", "?=&", "?#") : "?") + query;
    }

    void bodyCase(SplittableRandom r, Req req) {
        usualAuthorization(r, req);
        req.method = pick(r, METHODS);
        req.target = r.nextInt(8) == 0
                ? pick(r, "/v2/sites/" + world.siteId() + "/collections", "/sites/" + world.siteId() + "/collections",
                        "/v2/sites/" + world.siteId() + "/publish", "/v2/sites/" + world.siteId() + "/webhooks",
                        "/collections/" + hexId(r) + "/items", "/v2/collections/" + hexId(r) + "/items", "/webhooks/" + hexId(r))
                : route(r);
        String kind;
        byte[] body;
        switch (r.nextInt(12)) {
            case 0, 1 -> {
                kind = "random-json";
                body = json(r, 0).getBytes(StandardCharsets.UTF_8);
            }
            case 2, 3 -> {
                kind = "invalid-json";
                String valid = json(r, 0);
                body = switch (r.nextInt(7)) {
                    case 0 -> valid.substring(0, r.nextInt(valid.length() + 1)).getBytes(StandardCharsets.UTF_8);
                    case 1 -> (valid + ",").getBytes(StandardCharsets.UTF_8);
                    case 2 -> pick(r, "{'a':1}", "{a:1}", "[1,]", "{\"a\":NaN}", "/* c */ {}", "{\"a\":1}}", "\u00ef\u00bb\u00bf{}",
                            "{\"a\":\"\\ud800\"}", "{\"a\":01}", "{\"a\":1e99999}", "nul", "tru", "\"", "{\"\\u0000\":0}")
                            .getBytes(StandardCharsets.UTF_8);
                    case 3 -> valid.getBytes(StandardCharsets.UTF_16);
                    case 4 -> randomBytes(r, r.nextInt(500)).getBytes(StandardCharsets.ISO_8859_1);
                    case 5 -> ("\u0000" + valid).getBytes(StandardCharsets.UTF_8);
                    default -> (valid + randomAscii(r, 1 + r.nextInt(40))).getBytes(StandardCharsets.UTF_8);
                };
            }
            case 4 -> {
                kind = "huge-json";
                StringBuilder sb = new StringBuilder("[");
                int items = 5_000 + r.nextInt(60_000);
                for (int i = 0; i < items; i++) {
                    sb.append(i == 0 ? "" : ",").append(r.nextInt(3) == 0 ? "\"" + randomBase62(r, 8) + "\"" : r.nextLong());
                }
                body = sb.append(']').toString().getBytes(StandardCharsets.UTF_8);
            }
            case 5 -> {
                kind = "nested-json";
                int depth = 500 + r.nextInt(60_000);
                String open = r.nextBoolean() ? "[" : "{\"a\":";
                String close = open.equals("[") ? "]" : "}";
                body = (open.repeat(depth) + "1" + close.repeat(r.nextInt(4) == 0 ? depth / 2 : depth)).getBytes(StandardCharsets.UTF_8);
            }
            case 6 -> {
                kind = "json-with-tokens";
                String t = pick(r, world.token(), world.revoked(), TokenFormat.generate(TokenKind.SITE));
                req.secrets.add(t);
                body = pick(r, "{\"token\":\"" + t + "\"}", "{\"access_token\":\"" + t + "\"}", "{\"Authorization\":\"Bearer " + t + "\"}",
                        "[\"" + t + "\"]", "access_token=" + t, "api_version=9&access_token=" + t).getBytes(StandardCharsets.UTF_8);
            }
            case 7 -> {
                kind = "form";
                body = pick(r, "api_version=2.0.0", "api_version=1.0.0", "access_token=", "a=1&b=2", "%zz=%", "=&=&",
                        "api_version=" + pctEncode(randomBytes(r, 8)), randomAscii(r, r.nextInt(200))).getBytes(StandardCharsets.UTF_8);
                req.header("Content-Type", pick(r, "application/x-www-form-urlencoded", "application/x-www-form-urlencoded; charset=bogus",
                        "application/x-www-form-urlencoded; charset=UTF-16"));
            }
            case 8 -> {
                kind = "multipart";
                String boundary = pick(r, "x", "----b", randomBase62(r, 20), "");
                body = pick(r, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--" + boundary + "--\r\n",
                        "--" + boundary + "\r\nContent-Disposition: form-data; name=\"f\"; filename=\"../../x\"\r\n\r\n"
                                + randomAscii(r, 100) + "\r\n--" + boundary + "--\r\n",
                        "--" + boundary + "\r\n\r\n", "garbage", "", "--" + boundary + "--",
                        randomAscii(r, r.nextInt(300))).getBytes(StandardCharsets.UTF_8);
                req.header("Content-Type", pick(r, "multipart/form-data; boundary=" + boundary, "multipart/form-data",
                        "multipart/mixed; boundary=" + boundary, "multipart/form-data; boundary=\"" + boundary + "\"",
                        "MULTIPART/FORM-DATA; boundary=" + boundary, "multipart/"));
            }
            case 9 -> {
                kind = "chunked-framing";
                String payload = json(r, 0);
                req.forceRaw = true;
                req.customFraming = true;
                int variant = r.nextInt(5);
                String framed = switch (variant) {
                    case 0 -> Integer.toHexString(payload.length()) + "\r\n" + payload + "\r\n0\r\n\r\n";
                    case 1 -> "zz\r\n" + payload + "\r\n0\r\n\r\n";
                    // a chunk shorter than its data (never longer: the server would wait for the rest)
                    case 2 -> Integer.toHexString(Math.max(1, payload.length() - 3)) + "\r\n" + payload + "\r\n0\r\n\r\n";
                    case 3 -> "-1\r\n\r\n";
                    default -> Integer.toHexString(payload.length()) + ";ext=" + randomAscii(r, 10) + "\r\n" + payload + "\r\n0\r\n\r\n";
                };
                req.invalidFraming = variant != 0;
                req.header("Transfer-Encoding", "chunked");
                if (r.nextInt(3) == 0) {
                    req.header("Content-Length", String.valueOf(framed.length()));
                    req.invalidFraming = true;
                }
                body = framed.getBytes(StandardCharsets.UTF_8);
            }
            case 10 -> {
                kind = "empty";
                body = r.nextBoolean() ? new byte[0] : null;
            }
            default -> {
                kind = "random-bytes";
                body = randomBytes(r, r.nextInt(2000)).getBytes(StandardCharsets.ISO_8859_1);
            }
        }
        if (req.headers.stream().noneMatch(h -> h[0].equals("Content-Type")) && r.nextInt(8) > 0) {
            req.header("Content-Type", pick(r, "application/json", "application/json; charset=utf-8", "application/json; charset=bogus",
                    "text/plain", "application/xml", "application/octet-stream", "text/html", "%%%", "application/json;;;", "",
                    "*/*", "application/vnd.api+json", "application/json; boundary=x", randomAscii(r, 1 + r.nextInt(40)),
                    "application/" + "x".repeat(2_000)));
        }
        req.generator = "body/" + kind;
        req.body = body;
    }

    // ------------------------------------------------------------------------------------------------ helpers

    String json(SplittableRandom r, int depth) {
        int k = depth > 4 ? r.nextInt(6) : r.nextInt(8);
        return switch (k) {
            case 0 -> "null";
            case 1 -> r.nextBoolean() ? "true" : "false";
            case 2 -> pick(r, String.valueOf(r.nextLong()), String.valueOf(r.nextDouble()), "-0", "1e308", "1E-400",
                    "123456789012345678901234567890", "0.0000001");
            case 3, 4 -> "\"" + jsonString(r) + "\"";
            case 5 -> "\"" + world.siteId() + "\"";
            case 6 -> {
                StringBuilder sb = new StringBuilder("[");
                for (int i = 0, n = r.nextInt(6); i < n; i++) {
                    sb.append(i == 0 ? "" : ",").append(json(r, depth + 1));
                }
                yield sb.append(']').toString();
            }
            default -> {
                StringBuilder sb = new StringBuilder("{");
                for (int i = 0, n = r.nextInt(6); i < n; i++) {
                    sb.append(i == 0 ? "" : ",").append('"').append(pick(r, "name", "slug", "_id", "id", "fields",
                            "isDraft", "siteId", "__proto__", "constructor", jsonString(r))).append("\":").append(json(r, depth + 1));
                }
                yield sb.append('}').toString();
            }
        };
    }

    static String jsonString(SplittableRandom r) {
        return pick(r, randomFrom(r, "abcdefghijklmnopqrstuvwxyz ", r.nextInt(20)), "\\u0000", "\\ud83d\\ude00", "\\\"", "\\\\",
                "\u00e9\u0430\u202e", "<script>alert(1)</script>", "${7*7}", "{{7*7}}", "'; drop table sites; --", "\\n\\t");
    }

    /** A token with one mistake: a changed, swapped, dropped, added or re-cased character; sometimes with a right checksum. */
    static String flip(SplittableRandom r, String t) {
        int i = r.nextInt(t.length());
        char[] chars = t.toCharArray();
        return switch (r.nextInt(6)) {
            case 0 -> {
                char c;
                do {
                    c = BASE62.charAt(r.nextInt(62));
                } while (c == chars[i]);
                chars[i] = c;
                yield new String(chars);
            }
            case 1 -> {
                int j = Math.min(i + 1, t.length() - 1);
                char tmp = chars[i];
                chars[i] = chars[j];
                chars[j] = tmp;
                yield new String(chars);
            }
            case 2 -> t.substring(0, i) + t.substring(i + 1);
            case 3 -> t.substring(0, i) + BASE62.charAt(r.nextInt(62)) + t.substring(i);
            case 4 -> {
                chars[i] = Character.isUpperCase(chars[i]) ? Character.toLowerCase(chars[i]) : Character.toUpperCase(chars[i]);
                yield new String(chars);
            }
            default -> {
                // a different random part with its right checksum: well-formed, but no such token
                int at = 10 + r.nextInt(30);
                chars[at] = chars[at] == 'A' ? 'B' : 'A';
                yield withChecksum(new String(chars, 0, t.length() - 6));
            }
        };
    }

    /** {@code head} + its 6-character base62 CRC32 checksum (the token format's, see README). */
    static String withChecksum(String head) {
        CRC32 crc = new CRC32();
        for (int i = 0; i < head.length(); i++) {
            crc.update(head.charAt(i));
        }
        long value = crc.getValue();
        char[] out = new char[6];
        for (int i = 5; i >= 0; i--) {
            out[i] = BASE62.charAt((int) (value % 62));
            value /= 62;
        }
        return head + new String(out);
    }

    static String hexId(SplittableRandom r) {
        byte[] b = new byte[12];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) r.nextInt(256);
        }
        return HexFormat.of().formatHex(b);
    }

    @SafeVarargs
    static <T> T pick(SplittableRandom r, T... options) {
        return options[r.nextInt(options.length)];
    }

    static String randomFrom(SplittableRandom r, String alphabet, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    static String randomBase62(SplittableRandom r, int n) {
        return randomFrom(r, BASE62, n);
    }

    /** Printable ASCII, never forming the words the stack-trace check looks for. */
    static String randomAscii(SplittableRandom r, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append((char) (0x20 + r.nextInt(0x5f)));
        }
        return sb.toString();
    }

    /** Random bytes as a byte string (one char per byte). */
    static String randomBytes(SplittableRandom r, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append((char) r.nextInt(256));
        }
        return sb.toString();
    }

    /** The UTF-8 bytes of {@code s} as a byte string. */
    static String utf8(String s) {
        return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    static String pctEncode(String bytes) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < bytes.length(); i++) {
            sb.append('%').append(String.format("%02X", (int) bytes.charAt(i)));
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------------------------------------ reporting

    /**
     * The request and answer, for a failure message. Secrets are replaced (the build scans its captured output
     * for tokens and bearer values); bytes outside printable ASCII are escaped.
     */
    String describe(Req req, Resp resp) {
        StringBuilder sb = new StringBuilder();
        sb.append("  seed ").append(SEED).append(", case ").append(req.number).append(", ").append(req.generator)
                .append(", via ").append(resp.transport()).append(req.protocolInvalid() ? " (not valid HTTP/1.1)" : "").append('\n');
        sb.append("  > ").append(show(req.method + " " + req.target + " " + req.protocol, 400)).append('\n');
        for (String[] h : req.headers) {
            sb.append("  > ").append(show(h[0] + ": " + h[1], 300)).append('\n');
        }
        if (req.body != null) {
            sb.append("  > [body: ").append(req.body.length).append(" bytes] ")
                    .append(show(new String(req.body, StandardCharsets.ISO_8859_1), 200)).append('\n');
        }
        sb.append("  < ").append(resp.status()).append(' ').append(show(String.valueOf(resp.headers()), 400)).append('\n');
        sb.append("  < ").append(show(resp.text(), 600));
        return sb.toString();
    }

    String show(String text, int max) {
        String s = text.replace(world.token(), "<valid-token>").replace(world.revoked(), "<revoked-token>");
        s = redact(s);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length() && sb.length() < max; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                sb.append(c);
            } else {
                sb.append(c < 256 ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c));
            }
        }
        return s.length() > max ? sb + "…(" + s.length() + " chars)" : sb.toString();
    }

    /** Masks anything a secret scanner would flag: Weft tokens and long bearer values. */
    static String redact(String s) {
        String out = SCANNER.matcher(s).replaceAll("weft_$1_<36 chars>");
        out = Pattern.compile("(?i)(bearer)(\\s+)([A-Za-z0-9_\\-.]{16,})").matcher(out).replaceAll("$1$2[REDACTED]");
        return Pattern.compile("[A-Za-z0-9]{20,}").matcher(out)
                .replaceAll(m -> m.group().matches("[0-9a-f]{24}") ? m.group() : "<" + m.group().length() + " alnum>");
    }

    /** Counters for the summary lines. */
    static final class Stats {
        final Map<String, LongAdder> categories = new ConcurrentHashMap<>();
        final Map<String, LongAdder> generators = new ConcurrentHashMap<>();
        final Map<String, LongAdder> statuses = new ConcurrentHashMap<>();
        final Map<String, LongAdder> transports = new ConcurrentHashMap<>();
        final Map<String, LongAdder> violations = new ConcurrentHashMap<>();
        final Map<String, LongAdder> violationKinds = new ConcurrentHashMap<>();
        final LongAdder tomcatRejected = new LongAdder();
        final LongAdder nonApi = new LongAdder();
        final LongAdder cases = new LongAdder();
        final LongAdder seconds = new LongAdder();

        void record(Req req, Resp resp, List<String> problems) {
            cases.increment();
            count(categories, req.category);
            count(generators, req.generator);
            count(statuses, resp.status() < 0 ? "none" : String.valueOf(resp.status()));
            count(transports, resp.transport());
            if (!req.apiPath()) {
                nonApi.increment();
            } else if (req.protocolInvalid() && !isJson(resp)) {
                tomcatRejected.increment();
            }
            for (String problem : problems) {
                count(violationKinds, kindOf(problem));
                count(violations, kindOf(problem) + " " + req.generator);
            }
        }

        static void count(Map<String, LongAdder> m, String key) {
            m.computeIfAbsent(key, k -> new LongAdder()).increment();
        }

        String summary(String what) {
            return "ApiFuzzTests [" + what + "]: seed=" + SEED + " cases=" + cases.sum() + " in " + seconds.sum()
                    + " s; per category " + sorted(categories) + "; statuses " + sorted(statuses) + "; transport "
                    + sorted(transports) + "; tomcat-rejected (not valid HTTP/1.1, bare 400 accepted) " + tomcatRejected.sum()
                    + "; non-API near-miss paths " + nonApi.sum() + "; violations " + sorted(violationKinds);
        }

        String generators() {
            return "ApiFuzzTests: cases per generator " + sorted(generators);
        }

        Map<String, Long> sorted(Map<String, LongAdder> m) {
            Map<String, Long> out = new TreeMap<>();
            m.forEach((k, v) -> out.put(k, v.sum()));
            return out;
        }
    }
}
