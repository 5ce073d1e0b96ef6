package dev.weft.testsupport;

import dev.weft.accounts.User;
import dev.weft.sites.Site;
import org.junit.jupiter.api.BeforeEach;

/** An HTTP test in which each test starts with a fresh owner, a Grit site and that site's API token. */
public abstract class SiteTokenHttpTest extends WeftHttpTest {

    protected User owner;
    protected Site site;
    protected String token;

    @BeforeEach
    void siteWithToken() {
        owner = fixtures.user();
        site = fixtures.site(owner, "grit");
        token = fixtures.siteToken(owner, site);
    }
}
