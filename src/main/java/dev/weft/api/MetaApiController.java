package dev.weft.api;

import dev.weft.accounts.AccountService;
import dev.weft.accounts.User;
import dev.weft.system.WebflowDates;
import dev.weft.tokens.Scopes;
import dev.weft.tokens.VerifiedToken;
import dev.weft.usage.Usage;
import dev.weft.usage.UsageService;
import java.time.Instant;
import java.util.List;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the token is: v1 {@code /info} and {@code /user}, v2 {@code /token/introspect} and {@code /token/authorized_by}. */
@RestController
@Tag(name = "Meta")
class MetaApiController {

    static final String SITE_TOKEN_GRANT = "site_token";
    static final int RATE_LIMIT = 60;

    private final AccountService accounts;
    private final UsageService usage;

    MetaApiController(AccountService accounts, UsageService usage) {
        this.accounts = accounts;
        this.usage = usage;
    }

    /** Webflow v1 {@code GET /info}: the flat authorization info. */
    @Operation(summary = "Get Authorization Info (v1)")
    @GetMapping("/info")
    V1Wire.V1Info info(VerifiedToken token) {
        return new V1Wire.V1Info(token.tokenId(), WebflowDates.format(token.createdAt()), SITE_TOKEN_GRANT,
                WebflowDates.format(lastUsed(token)), List.of(token.siteId()), List.of(token.workspaceId()),
                List.of(token.workspaceId()), List.of(token.userId()), RATE_LIMIT, "confirmed", null);
    }

    /** Webflow v1 {@code GET /user}: the user who issued the token. */
    @Operation(summary = "Get Authorized User (v1)")
    @GetMapping("/user")
    V1Wire.V1UserEnvelope user(VerifiedToken token) {
        return new V1Wire.V1UserEnvelope(V1Wire.V1User.of(issuer(token)));
    }

    /** Webflow v2 {@code GET /token/introspect}. */
    @Operation(summary = "Get Authorization Info")
    @GetMapping("/v2/token/introspect")
    V2Wire.Introspection introspect(VerifiedToken token) {
        return new V2Wire.Introspection(new V2Wire.Authorization(token.tokenId(), WebflowDates.format(token.createdAt()),
                WebflowDates.format(lastUsed(token)), SITE_TOKEN_GRANT, RATE_LIMIT, String.join(",", Scopes.ALL),
                new V2Wire.AuthorizedTo(List.of(token.siteId()), List.of(token.workspaceId()), List.of(token.userId()))),
                null);
    }

    /** Webflow v2 {@code GET /token/authorized_by}. */
    @Operation(summary = "Get Authorized User")
    @GetMapping("/v2/token/authorized_by")
    V2Wire.AuthorizedUser authorizedBy(VerifiedToken token) {
        return V2Wire.AuthorizedUser.of(issuer(token));
    }

    private User issuer(VerifiedToken token) {
        return accounts.user(token.userId()).orElseThrow(() -> ApiException.notFound("The user cannot be found"));
    }

    private Instant lastUsed(VerifiedToken token) {
        Usage.LastUse use = usage.lastUse(token.tokenId());
        return use == null ? null : use.at();
    }
}
