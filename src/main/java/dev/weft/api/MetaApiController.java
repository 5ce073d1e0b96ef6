package dev.weft.api;

import dev.weft.accounts.AccountService;
import dev.weft.accounts.User;
import dev.weft.system.WebflowDates;
import dev.weft.oauth.App;
import dev.weft.oauth.Grants;
import dev.weft.sites.Site;
import dev.weft.tokens.VerifiedToken;
import dev.weft.usage.Usage;
import dev.weft.usage.UsageService;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the token is: v1 {@code /info} and {@code /user}, v2 {@code /token/introspect} and {@code /token/authorized_by}. */
@RestController
@Tag(name = "Meta")
class MetaApiController {

    static final String SITE_TOKEN_GRANT = "site_token";
    static final String APP_GRANT = "authorization_code";
    static final String APP_TOKENS_ONLY = "For app (OAuth) tokens only, as at Webflow: a site API token gets 403 "
            + "`forbidden`. With a site token, call `GET /v2/sites` (or v1 `GET /info`) instead.";

    private final AccountService accounts;
    private final UsageService usage;
    private final ApiSites sites;
    private final Grants grants;
    private final ApiProperties properties;

    MetaApiController(AccountService accounts, UsageService usage, ApiSites sites, Grants grants, ApiProperties properties) {
        this.accounts = accounts;
        this.usage = usage;
        this.sites = sites;
        this.grants = grants;
        this.properties = properties;
    }

    /** Webflow v1 {@code GET /info}: the flat authorization info. */
    @Operation(summary = "Get Authorization Info (v1)")
    @RequiredScope("")
    @GetMapping("/info")
    V1Wire.V1Info info(VerifiedToken token) {
        Reach reach = reach(token);
        App app = app(token);
        return new V1Wire.V1Info(token.tokenId(), WebflowDates.format(token.createdAt()), grantType(token),
                WebflowDates.format(lastUsed(token)), reach.siteIds(), reach.workspaceIds(), reach.workspaceIds(),
                List.of(token.userId()), rateLimit(token), "confirmed",
                app == null ? null : new V1Wire.V1Application(app.id(), app.description(), app.homepage(), app.name(),
                        app.createdBy(), "Person"));
    }

    /** Webflow v1 {@code GET /user}: the user who issued the token. */
    @Operation(summary = "Get Authorized User (v1)")
    @RequiredScope("authorized_user:read")
    @GetMapping("/user")
    V1Wire.V1UserEnvelope user(VerifiedToken token) {
        return new V1Wire.V1UserEnvelope(V1Wire.V1User.of(issuer(token)));
    }

    /** Webflow v2 {@code GET /token/introspect}: needs no scope; app tokens only. */
    @Operation(summary = "Get Authorization Info", description = APP_TOKENS_ONLY)
    @RequiredScope("")
    @AppTokensOnly
    @GetMapping("/v2/token/introspect")
    V2Wire.Introspection introspect(VerifiedToken token) {
        Reach reach = reach(token);
        App app = app(token);
        return new V2Wire.Introspection(new V2Wire.Authorization(token.tokenId(), WebflowDates.format(token.createdAt()),
                WebflowDates.format(lastUsed(token)), grantType(token), rateLimit(token),
                String.join(",", token.scopes().stream().sorted().toList()),
                new V2Wire.AuthorizedTo(reach.siteIds(), reach.workspaceIds(), List.of(token.userId()))),
                app == null ? null : new V2Wire.Application(app.id(), app.description(), app.homepage(), app.name()));
    }

    /** Webflow v2 {@code GET /token/authorized_by}; app tokens only. */
    @Operation(summary = "Get Authorized User", description = APP_TOKENS_ONLY)
    @RequiredScope("authorized_user:read")
    @AppTokensOnly
    @GetMapping("/v2/token/authorized_by")
    V2Wire.AuthorizedUser authorizedBy(VerifiedToken token) {
        return V2Wire.AuthorizedUser.of(issuer(token));
    }

    /** The sites a token reaches and their workspaces (an app's whole-workspace grants included). */
    private record Reach(List<String> siteIds, List<String> workspaceIds) {}

    private Reach reach(VerifiedToken token) {
        if (!token.isApp()) {
            return new Reach(List.of(token.siteId()), List.of(token.workspaceId()));
        }
        List<Site> reached = sites.visible(token);
        Set<String> workspaces = new LinkedHashSet<>(grants.grantedWorkspaceIds(token.tokenId()));
        reached.forEach(s -> workspaces.add(s.workspaceId()));
        return new Reach(reached.stream().map(Site::id).toList(), List.copyOf(workspaces));
    }

    private App app(VerifiedToken token) {
        return token.isApp() ? grants.app(token.appId()).orElse(null) : null;
    }

    private static String grantType(VerifiedToken token) {
        return token.isApp() ? APP_GRANT : SITE_TOKEN_GRANT;
    }

    private int rateLimit(VerifiedToken token) {
        return token.siteRateLimit() != null ? token.siteRateLimit() : properties.rateLimitPerMinute();
    }

    private User issuer(VerifiedToken token) {
        return accounts.user(token.userId()).orElseThrow(() -> ApiException.notFound("The user cannot be found"));
    }

    private Instant lastUsed(VerifiedToken token) {
        Usage.LastUse use = usage.lastUse(token.tokenId());
        return use == null ? null : use.at();
    }
}
