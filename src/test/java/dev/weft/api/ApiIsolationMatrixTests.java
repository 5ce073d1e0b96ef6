package dev.weft.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.accounts.User;
import dev.weft.sites.Site;
import dev.weft.sites.SiteService;
import dev.weft.system.Ids;
import dev.weft.testsupport.HttpResult;
import dev.weft.testsupport.WeftHttpTest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The isolation matrix (issue 3, part 5): every route of the Data API, read from Spring's handler mapping so
 * that a new route cannot be left out, and every method it maps, is called
 * <ol>
 *   <li>with site A's token and the ids of site B's resources: the answer is the very same 404 (byte for byte,
 *       once the ids are replaced by a placeholder) as for well-formed ids that do not exist; a route without
 *       path variables never mentions site B's ids (nor B's workspace, nor B's owner when B belongs to another
 *       workspace). Site B is tried in another user's workspace and in A's own workspace: a site token reaches
 *       its own site only;</li>
 *   <li>with a token revoked by regeneration: 401;</li>
 *   <li>with no token: 401.</li>
 * </ol>
 *
 * <p><b>Adding a route with a new path variable?</b> Add it to {@link #RESOURCES}: how to make a tenant's
 * resource of that kind (site B's, and site A's own for the control call) and a well-formed id that does not
 * exist. Until then {@link #everyPathVariableOfEveryApiRouteIsInTheMatrix} fails and names the route.
 */
class ApiIsolationMatrixTests extends WeftHttpTest {

    /** The routes served today: the discovery must find at least these (it is not allowed to find nothing). */
    static final Set<String> KNOWN_ROUTES = Set.of("GET /sites", "GET /sites/{siteId}", "GET /info", "GET /user",
            "GET /v2/sites", "GET /v2/sites/{siteId}", "GET /v2/token/introspect", "GET /v2/token/authorized_by");

    /** The methods a mapping without a method condition answers. */
    static final List<RequestMethod> ANY_METHOD = List.of(RequestMethod.GET, RequestMethod.POST, RequestMethod.PUT,
            RequestMethod.PATCH, RequestMethod.DELETE);

    static final Pattern VARIABLE = Pattern.compile("\\{\\*?([A-Za-z_][A-Za-z0-9_]*)(?::[^}]*)?}");

    /** One site with its owner and (for A) its token: whose resources a path variable is filled with. */
    record Tenant(String label, User owner, Site site) {}

    /**
     * How to fill a path variable: the tenant's own resource of that kind (made on first use, then kept), and
     * an id of the same form that names nothing.
     */
    record Resource(Function<Tenant, String> of, Supplier<String> missing) {}

    /**
     * Every path variable of the API, by name. Extend it with each new kind of resource, e.g.
     * {@code collectionId} (a collection of the tenant's site), {@code itemId} (an item of that collection),
     * {@code webhookId} (a webhook of the tenant's site): make it in the tenant's site, and keep it in
     * {@link #made} so that every route sees the same one.
     */
    static final Map<String, Resource> RESOURCES = Map.of(
            "siteId", new Resource(t -> t.site().id(), Ids::objectId),
            // the site's Products collection, and a published item of it (so the /live reads of A's own answer 200)
            "collectionId", new Resource(t -> Cms.collection(t).id(), Ids::objectId),
            "itemId", new Resource(Cms::publishedItem, Ids::objectId),
            "webhookId", new Resource(t -> webhookOf(t), Ids::objectId));


    /** The CMS beans the static {@link #RESOURCES} use to find and publish a tenant's collection and item. */
    static final class Cms {
        static dev.weft.cms.CmsService cms;
        static dev.weft.cms.CmsItems items;

        static dev.weft.cms.CmsCollection collection(Tenant t) {
            return cms.siteCollections(t.site().id()).getFirst();
        }

        static String publishedItem(Tenant t) {
            var collection = collection(t);
            String id = items.list(collection, dev.weft.cms.ItemQuery.page(0, 1), false).items().getFirst().id();
            items.publish(collection, List.of(id), t.owner().id());
            return id;
        }
    }

    @Autowired
    dev.weft.cms.CmsService cmsService;

    @Autowired
    dev.weft.cms.CmsItems cmsItems;

    /** A webhook of the tenant's site (made through the real service, so no Spring bean is needed here). */
    static String webhookOf(Tenant t) {
        return WEBHOOKS.get().create(t.site().id(), new dev.weft.webhooks.WebhookService.NewWebhook(2, "site_publish",
                "https://example.com/" + t.site().id(), null)).id();
    }

    static final ThreadLocal<dev.weft.webhooks.WebhookService> WEBHOOKS = new ThreadLocal<>();

    @Autowired
    dev.weft.webhooks.WebhookService webhookService;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Autowired
    SiteService sites;

    Tenant a;
    /** Site B in another user's workspace. */
    Tenant otherWorkspace;
    /** Site B in A's own workspace. */
    Tenant sameWorkspace;
    String token;
    String revoked;
    /** Resources made so far, by tenant label and variable name. */
    final Map<String, String> made = new HashMap<>();

    @BeforeEach
    void tenants() {
        Cms.cms = cmsService;
        Cms.items = cmsItems;
        WEBHOOKS.set(webhookService);
        User owner = fixtures.user();
        Site site = fixtures.site(owner);
        revoked = fixtures.siteToken(owner, site);
        token = fixtures.siteToken(owner, site); // regenerated: the first is revoked
        sites.setRateLimit(owner.id(), site.id(), 6000); // many routes, many calls: keep clear of 429
        a = new Tenant("A", owner, site);
        User other = fixtures.user();
        Site foreign = fixtures.site(other);
        fixtures.siteToken(other, foreign);
        otherWorkspace = new Tenant("B (another workspace)", other, foreign);
        Site sibling = fixtures.site(owner);
        fixtures.siteToken(owner, sibling);
        sameWorkspace = new Tenant("B (A's workspace)", owner, sibling);
    }

    // ------------------------------------------------------------------------------------------------ tests

    @Test
    void everyPathVariableOfEveryApiRouteIsInTheMatrix() {
        List<String> routes = apiRoutes().stream().map(Route::toString).toList();
        System.out.println("ApiIsolationMatrixTests: " + routes.size() + " API routes x methods " + routes);

        assertThat(routes).as("API routes found in the handler mapping").containsAll(KNOWN_ROUTES);
        assertThat(unknownVariables())
                .as("path variables the isolation matrix does not know: add each to ApiIsolationMatrixTests.RESOURCES"
                        + " (how to make site B's resource of that kind, and a well-formed id that does not exist),"
                        + " so that the new route is checked for cross-site access")
                .isEmpty();
    }

    @Test
    void everyApiRouteDeclaresAKnownScopeOrNone() {
        List<String> problems = new ArrayList<>();
        mapping.getHandlerMethods().forEach((info, handler) -> {
            if (info.getPatternValues().stream().anyMatch(ApiIsolationMatrixTests::isApiPattern)) {
                RequiredScope scope = handler.getMethodAnnotation(RequiredScope.class);
                if (scope == null) {
                    problems.add(info + ": no @RequiredScope (every token would get 403)");
                } else if (!scope.value().isEmpty() && !dev.weft.tokens.Scopes.ALL.contains(scope.value())) {
                    problems.add(info + ": @RequiredScope(\"" + scope.value() + "\") is not a Webflow v2 scope");
                }
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void aSiteTokenGetsTheSame404ForAnotherSitesResourcesAsForMissingOnes() {
        List<String> problems = new ArrayList<>();
        int calls = 0;
        for (Route route : apiRoutes()) {
            List<String> variables = route.variables();
            if (!RESOURCES.keySet().containsAll(variables)) {
                problems.add(route + ": not checked, a path variable is missing from RESOURCES (see"
                        + " everyPathVariableOfEveryApiRouteIsInTheMatrix)");
                continue;
            }
            for (Tenant b : List.of(otherWorkspace, sameWorkspace)) {
                if (variables.isEmpty()) {
                    HttpResult result = call(route, Map.of(), token);
                    calls++;
                    for (Map.Entry<String, String> id : mentionsOf(b).entrySet()) {
                        if (result.body().contains(id.getValue())) {
                            problems.add(route + " with A's token mentions " + b.label() + "'s " + id.getKey()
                                    + ": " + result.status() + " " + shorten(result.body()));
                        }
                    }
                    if (route.method().equals("GET") && result.status() != 200 && !refusedAsAppTokensOnly(route, result)) {
                        problems.add(route + " with A's token (control): expected 200, got " + result.status() + " "
                                + shorten(result.body()));
                    }
                    continue;
                }
                // every variable B's, then (with several variables) one at a time B's and the others A's own
                List<Map<String, String>> foreignSets = new ArrayList<>();
                foreignSets.add(values(variables, v -> b));
                if (variables.size() > 1) {
                    for (String v : variables) {
                        foreignSets.add(values(variables, w -> w.equals(v) ? b : a));
                    }
                }
                for (Map<String, String> foreign : foreignSets) {
                    Map<String, String> missing = new LinkedHashMap<>(foreign);
                    foreign.forEach((name, value) -> {
                        if (!value.equals(valueOf(name, a))) {
                            missing.put(name, RESOURCES.get(name).missing().get());
                        }
                    });
                    HttpResult theirs = call(route, foreign, token);
                    HttpResult none = call(route, missing, token);
                    calls += 2;
                    String what = route + " with A's token and " + b.label() + "'s " + describe(foreign, missing);
                    if (theirs.status() != 404 || none.status() != 404) {
                        problems.add(what + ": expected 404 for both, got " + theirs.status() + " for B's and "
                                + none.status() + " for missing ids; B's answer: " + shorten(theirs.body()));
                        continue;
                    }
                    String theirsBody = placeholders(theirs.body(), foreign, missing);
                    String noneBody = placeholders(none.body(), missing, foreign);
                    if (!theirsBody.equals(noneBody)) {
                        problems.add(what + ": the 404 differs from a missing id's:\n  B's:     " + theirsBody
                                + "\n  missing: " + noneBody);
                    }
                    if (!String.valueOf(theirs.header("Content-Type")).equals(String.valueOf(none.header("Content-Type")))) {
                        problems.add(what + ": Content-Type " + theirs.header("Content-Type") + " vs "
                                + none.header("Content-Type"));
                    }
                }
                if (route.method().equals("GET")) {
                    HttpResult own = call(route, values(variables, v -> a), token);
                    calls++;
                    if (own.status() != 200) {
                        problems.add(route + " with A's token and A's own ids (control): expected 200, got "
                                + own.status() + " " + shorten(own.body()));
                    }
                }
            }
        }
        System.out.println("ApiIsolationMatrixTests: cross-site matrix, " + calls + " calls, " + problems.size() + " problems");
        assertThat(problems).as("cross-site access (site A's token, site B's ids)").isEmpty();
    }

    @Test
    void aTokenRevokedByRegenerationGets401OnEveryRoute() {
        List<String> problems = new ArrayList<>();
        for (Route route : apiRoutes()) {
            HttpResult result = call(route, ownOrAnyIds(route), revoked);
            problems.addAll(unauthorized(route, result, "a revoked token", true));
        }
        assertThat(problems).as("answers to a token revoked by regeneration").isEmpty();
    }

    @Test
    void noTokenGets401OnEveryRoute() {
        List<String> problems = new ArrayList<>();
        for (Route route : apiRoutes()) {
            HttpResult result = call(route, ownOrAnyIds(route), null);
            problems.addAll(unauthorized(route, result, "no token", false));
        }
        assertThat(problems).as("answers without a token").isEmpty();
    }

    // ------------------------------------------------------------------------------------------------ routes

    /** A route of the API and one method it maps. */
    record Route(String method, String pattern) {
        List<String> variables() {
            List<String> names = new ArrayList<>();
            Matcher m = VARIABLE.matcher(pattern);
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        }

        String path(Map<String, String> values) {
            Matcher m = VARIABLE.matcher(pattern);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(sb, Matcher.quoteReplacement(values.get(m.group(1))));
            }
            return m.appendTail(sb).toString();
        }

        boolean v2() {
            return pattern.equals("/v2") || pattern.startsWith("/v2/");
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    /** Every (method, pattern) of the handler mapping whose pattern is a Data API path. */
    List<Route> apiRoutes() {
        Set<Route> routes = new TreeSet<>(Comparator.comparing(Route::pattern).thenComparing(Route::method));
        mapping.getHandlerMethods().forEach((info, handler) -> {
            for (String pattern : info.getPatternValues()) {
                if (!isApiPattern(pattern)) {
                    continue;
                }
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (RequestMethod method : methods.isEmpty() ? ANY_METHOD : methods) {
                    routes.add(new Route(method.name(), pattern));
                }
            }
        });
        return List.copyOf(routes);
    }

    /**
     * The control call of a route that Webflow serves to app tokens only ({@link AppTokensOnly}: {@code /v2/token/*}
     * — "site tokens cannot call Authorization endpoints") is a documented 403 {@code forbidden} for a site token,
     * not a 200: it is accepted as the control's answer there, and only there.
     */
    boolean refusedAsAppTokensOnly(Route route, HttpResult result) {
        boolean appTokensOnly = mapping.getHandlerMethods().entrySet().stream()
                .anyMatch(e -> e.getKey().getPatternValues().contains(route.pattern())
                        && e.getValue().hasMethodAnnotation(AppTokensOnly.class));
        return appTokensOnly && result.status() == 403 && result.body().contains("\"code\":\"forbidden\"");
    }

    static boolean isApiPattern(String p) {
        return p.equals("/info") || p.equals("/user") || p.equals("/sites") || p.startsWith("/sites/")
                || p.equals("/collections") || p.startsWith("/collections/") || p.equals("/webhooks")
                || p.startsWith("/webhooks/") || p.equals("/v2") || p.startsWith("/v2/");
    }

    /** "variable (in ROUTE)" for every path variable RESOURCES does not know. */
    Set<String> unknownVariables() {
        Set<String> unknown = new TreeSet<>();
        for (Route route : apiRoutes()) {
            for (String v : route.variables()) {
                if (!RESOURCES.containsKey(v)) {
                    unknown.add("{" + v + "} in " + route);
                }
            }
        }
        return unknown;
    }

    // ------------------------------------------------------------------------------------------------ calls

    HttpResult call(Route route, Map<String, String> values, String bearer) {
        String path = route.path(values);
        boolean body = route.method().equals("POST") || route.method().equals("PUT") || route.method().equals("PATCH");
        List<String> headers = new ArrayList<>();
        if (bearer != null) {
            headers.add("Authorization");
            headers.add("Bearer " + bearer);
        }
        if (body) {
            headers.add("Content-Type");
            headers.add("application/json");
        }
        return api().send(path, route.method(), headers.toArray(String[]::new), body ? "{}" : null);
    }

    /** Each variable filled from the tenant {@code whose} picks for it. */
    Map<String, String> values(List<String> variables, Function<String, Tenant> whose) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String v : variables) {
            values.put(v, valueOf(v, whose.apply(v)));
        }
        return values;
    }

    String valueOf(String variable, Tenant tenant) {
        return made.computeIfAbsent(tenant.label() + "/" + variable, k -> RESOURCES.get(variable).of().apply(tenant));
    }

    /** A's own ids; a well-formed id for a variable the matrix does not know yet (401 comes before any lookup). */
    Map<String, String> ownOrAnyIds(Route route) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String v : route.variables()) {
            values.put(v, RESOURCES.containsKey(v) ? valueOf(v, a) : Ids.objectId());
        }
        return values;
    }

    /** What an answer to A's token must never mention of tenant B. */
    Map<String, String> mentionsOf(Tenant b) {
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("site id", b.site().id());
        ids.put("site name", "\"" + b.site().name() + "\"");
        ids.put("site database id", b.site().databaseId());
        for (String v : RESOURCES.keySet()) {
            ids.put(v, valueOf(v, b));
        }
        if (!b.site().workspaceId().equals(a.site().workspaceId())) {
            ids.put("workspace id", b.site().workspaceId());
            ids.put("owner's user id", b.owner().id());
            ids.put("owner's email", b.owner().email());
        }
        return ids;
    }

    static String shorten(String body) {
        return body.length() <= 600 ? body : body.substring(0, 600) + "…(" + body.length() + " chars)";
    }

    static String placeholders(String body, Map<String, String> values, Map<String, String> others) {
        String out = body;
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (!e.getValue().equals(others.get(e.getKey()))) {
                out = out.replace(e.getValue(), "{" + e.getKey() + "}");
            }
        }
        return out;
    }

    String describe(Map<String, String> foreign, Map<String, String> missing) {
        Set<String> parts = new LinkedHashSet<>();
        foreign.forEach((name, value) -> parts.add(name + (value.equals(missing.get(name)) ? " (A's own)" : " (B's vs missing)")));
        return String.join(", ", parts);
    }

    List<String> unauthorized(Route route, HttpResult result, String what, boolean invalidToken) {
        List<String> problems = new ArrayList<>();
        String where = route + " with " + what;
        if (result.status() != 401) {
            problems.add(where + ": expected 401, got " + result.status() + " " + shorten(result.body()));
            return problems;
        }
        String challenge = result.header("WWW-Authenticate");
        if (challenge == null || !challenge.startsWith("Bearer realm=\"Weft API\"")
                || challenge.contains("invalid_token") != invalidToken) {
            problems.add(where + ": WWW-Authenticate " + challenge);
        }
        JsonNode body;
        try {
            body = result.json();
        } catch (RuntimeException e) {
            problems.add(where + ": the 401 is not JSON: " + shorten(result.body()));
            return problems;
        }
        boolean format = route.v2()
                ? body.path("code").asString("").equals("not_authorized") && body.has("message") && body.has("details")
                : body.path("code").asInt() == 401 && body.path("name").asString("").equals("Unauthorized") && body.has("msg");
        if (!format) {
            problems.add(where + ": not the " + (route.v2() ? "v2" : "v1") + " 401 body: " + shorten(result.body()));
        }
        if (result.body().contains(revoked) || result.body().contains(token)) {
            problems.add(where + ": the body repeats a token");
        }
        return problems;
    }
}
