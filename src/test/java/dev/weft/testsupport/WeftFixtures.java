package dev.weft.testsupport;

import dev.weft.accounts.AccountService;
import dev.weft.accounts.Role;
import dev.weft.accounts.User;
import dev.weft.sites.Site;
import dev.weft.sites.SiteService;
import dev.weft.tokens.SiteTokenService;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestComponent;

/** Builder fixtures for tests: users, sites from templates, site tokens, through the real services. */
@TestComponent
public class WeftFixtures {

    public static final String PASSWORD = "correct horse battery";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final AccountService accounts;
    private final SiteService sites;
    private final SiteTokenService tokens;

    WeftFixtures(AccountService accounts, SiteService sites, SiteTokenService tokens) {
        this.accounts = accounts;
        this.sites = sites;
        this.tokens = tokens;
    }

    /** A new user with a unique email, password {@link #PASSWORD}, and a personal workspace. */
    public User user() {
        int n = COUNTER.incrementAndGet();
        return accounts.signUp(new AccountService.SignUp(
                "user" + n + "-" + System.nanoTime() + "@example.test", PASSWORD, "Test User" + n));
    }

    public String personalWorkspace(User user) {
        return accounts.memberships(user.id()).getFirst().workspace().id();
    }

    /** A site made from {@code template} in the user's personal workspace. */
    public Site site(User owner, String template) {
        return sites.create(owner.id(), new SiteService.CreateSite(personalWorkspace(owner), template,
                "Site " + COUNTER.incrementAndGet(), "Europe/Paris"));
    }

    public Site site(User owner) {
        return site(owner, "grit");
    }

    /** Generates (or regenerates) the site's API token and returns its value. */
    public String siteToken(User actor, Site site) {
        return tokens.generate(actor.id(), site.id()).token();
    }

    /** Adds {@code user} to the workspace of {@code site} with {@code role}. */
    public void addMember(User owner, Site site, User user, Role role) {
        accounts.addMember(owner.id(), site.workspaceId(), user.email(), role);
    }
}
