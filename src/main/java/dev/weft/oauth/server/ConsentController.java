package dev.weft.oauth.server;

import dev.weft.accounts.AccountService;
import dev.weft.accounts.Membership;
import dev.weft.accounts.User;
import dev.weft.accounts.WeftUser;
import dev.weft.accounts.Workspace;
import dev.weft.oauth.App;
import dev.weft.oauth.AppRepository;
import dev.weft.sites.Site;
import dev.weft.sites.SiteService;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The consent page of {@code GET /oauth/authorize} (Webflow's "authorize app" screen): the app, who registered it
 * and where, the scopes in plain words, and a picker of the workspaces the user administers and their sites.
 * Its forms post to Spring Authorization Server's consent endpoint ({@code POST /oauth/authorize}). Also Weft's
 * HTML error page for authorization requests that cannot be sent back to the app.
 */
@Controller
class ConsentController {

    static final String PATH = "/oauth/consent";

    /** A workspace the user may grant, with its sites. */
    record Choice(Workspace workspace, List<Site> sites) {}

    private final JdbcAuthorizationService authorizations;
    private final AppRepository apps;
    private final AccountService accounts;
    private final SiteService sites;

    ConsentController(JdbcAuthorizationService authorizations, AppRepository apps, AccountService accounts,
            SiteService sites) {
        this.authorizations = authorizations;
        this.apps = apps;
        this.accounts = accounts;
        this.sites = sites;
    }

    @GetMapping(PATH)
    ModelAndView consent(@AuthenticationPrincipal WeftUser user, @RequestParam(name = "state", required = false) String state,
            @RequestParam(name = "error", required = false) String error, HttpServletRequest request) {
        OAuth2Authorization authorization = state == null ? null : authorizations.findByToken(state, JdbcAuthorizationService.STATE);
        App app = authorization == null ? null : apps.find(authorization.getRegisteredClientId()).orElse(null);
        if (app == null || !authorization.getPrincipalName().equals(user.getUsername())) {
            return errorPage("This authorization request has expired or was already answered. Start again from the app.");
        }
        OAuth2AuthorizationRequest authorizationRequest = authorization.getAttribute(OAuth2AuthorizationRequest.class.getName());
        String redirectUri = authorizationRequest.getRedirectUri() != null ? authorizationRequest.getRedirectUri()
                : app.redirectUris().getFirst();
        ConsentCsp.allowFormRedirectTo(request, redirectUri);
        List<Choice> choices = accounts.memberships(user.id()).stream()
                .filter(m -> m.role().administersSites())
                .map(Membership::workspace)
                .map(w -> new Choice(w, sites.inWorkspace(w.id())))
                .toList();
        var mav = new ModelAndView("oauth-consent");
        mav.addObject("currentUser", user);
        mav.addObject("app", app);
        mav.addObject("appWorkspace", accounts.workspace(app.workspaceId()).map(Workspace::name).orElse("a deleted workspace"));
        mav.addObject("registeredBy", accounts.user(app.createdBy()).map(ConsentController::name).orElse("a former member"));
        mav.addObject("scopes", ScopeDescriptions.describe(authorizationRequest.getScopes()));
        mav.addObject("choices", choices);
        mav.addObject("clientId", app.clientId());
        mav.addObject("state", state);
        mav.addObject("pickRequired", "pick".equals(error));
        mav.addObject("redirectHost", java.net.URI.create(redirectUri).getHost());
        return mav;
    }

    /** Weft's error page for an authorization request (reached by a forward from {@link OAuthResponses}). */
    @RequestMapping(OAuthResponses.ERROR_PAGE)
    ModelAndView error(HttpServletRequest request) {
        Object message = request.getAttribute(OAuthResponses.ERROR_MESSAGE);
        return errorPage(message instanceof String s ? s : "This authorization request is not valid. Start again from the app.");
    }

    private static ModelAndView errorPage(String message) {
        var mav = new ModelAndView("error", HttpStatus.BAD_REQUEST);
        mav.addObject("status", 400);
        mav.addObject("error", "Authorization failed");
        mav.addObject("message", message);
        return mav;
    }

    private static String name(User user) {
        String name = (user.firstName() + " " + user.lastName()).strip();
        return name.isEmpty() ? user.email() : name + " (" + user.email() + ")";
    }
}
