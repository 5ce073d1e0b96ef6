package dev.weft.oauth.server;

import dev.weft.accounts.AccountService;
import dev.weft.accounts.Role;
import dev.weft.accounts.WeftUser;
import dev.weft.sites.SiteService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * What an Allow on the consent page reaches: the workspaces ({@code target=workspace:<id>}, every site in them,
 * also later ones) and single sites ({@code target=site:<id>}) the user picked. Each pick must be a workspace
 * the user owns or administers, or a site in one; at least one is required, else the consent page is shown
 * again with a message ({@link PickRequired}). A Deny (no scopes posted) is left to Spring Authorization Server.
 */
@Component
class ConsentTargets implements Consumer<OAuth2AuthorizationConsentAuthenticationContext> {

    static final String PARAMETER = "target";
    static final int MAX_TARGETS = 500;

    /** One pick: {@code type} is {@code workspace} or {@code site} (the contract's {@code oauth_grants.target_type}). */
    record Target(String type, String id) {}

    /** Allow without a valid pick: the consent page is shown again, with a message. */
    static final class PickRequired extends OAuth2AuthorizationCodeRequestAuthenticationException {
        final String clientId;
        final String consentState;

        PickRequired(String clientId, String consentState) {
            super(new OAuth2Error("weft_pick_required"), null);
            this.clientId = clientId;
            this.consentState = consentState;
        }
    }

    private final AccountService accounts;
    private final SiteService sites;
    private final JdbcAuthorizationService authorizations;

    ConsentTargets(AccountService accounts, SiteService sites, JdbcAuthorizationService authorizations) {
        this.accounts = accounts;
        this.sites = sites;
        this.authorizations = authorizations;
    }

    @Override
    public void accept(OAuth2AuthorizationConsentAuthenticationContext context) {
        OAuth2AuthorizationConsentAuthenticationToken consent = context.getAuthentication();
        if (consent.getScopes().isEmpty()) {
            return; // Deny
        }
        Authentication principal = (Authentication) consent.getPrincipal();
        List<Target> picked = allowed(((WeftUser) principal.getPrincipal()).id(),
                parse(values(consent.getAdditionalParameters().get(PARAMETER))));
        if (picked.isEmpty()) {
            throw new PickRequired(consent.getClientId(), consent.getState());
        }
        authorizations.recordTargets(context.getAuthorization().getId(), picked);
    }

    /** The picks the user may grant: workspaces they administer, and sites in them. */
    List<Target> allowed(String userId, List<Target> picks) {
        List<Target> allowed = new ArrayList<>();
        for (Target t : picks) {
            String workspaceId = t.type().equals("workspace") ? t.id()
                    : sites.find(t.id()).map(s -> s.workspaceId()).orElse(null);
            if (workspaceId != null && accounts.roleIn(userId, workspaceId).map(Role::administersSites).orElse(false)) {
                allowed.add(t);
            }
        }
        return allowed;
    }

    /** {@code workspace:<id> site:<id> …} (as posted, or as stored in {@code targets}); anything else is dropped. */
    static List<Target> parse(String joined) {
        return joined == null ? List.of() : parse(Arrays.asList(joined.split(" ")));
    }

    static List<Target> parse(List<String> values) {
        Set<Target> targets = new LinkedHashSet<>();
        for (String value : values) {
            int colon = value.indexOf(':');
            if (colon < 0 || targets.size() >= MAX_TARGETS) {
                continue;
            }
            String type = value.substring(0, colon);
            String id = value.substring(colon + 1);
            if ((type.equals("workspace") || type.equals("site")) && id.matches("[0-9a-f]{24}")) {
                targets.add(new Target(type, id));
            }
        }
        return List.copyOf(targets);
    }

    private static List<String> values(Object parameter) {
        return switch (parameter) {
            case String s -> List.of(s);
            case String[] a -> Arrays.asList(a);
            case null, default -> List.of();
        };
    }
}
