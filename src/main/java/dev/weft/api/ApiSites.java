package dev.weft.api;

import dev.weft.oauth.Grants;
import dev.weft.sites.Site;
import dev.weft.sites.SiteService;
import dev.weft.system.Ids;
import dev.weft.tokens.VerifiedToken;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What sites a token reaches. A site token reaches its own site only; an app token the sites its
 * authorization grants (whole workspaces, also sites created later, and single sites) while the user who
 * authorized it still administers them. Any other id, existing or not, is the same 404.
 */
@Component
class ApiSites {

    private final SiteService sites;
    private final Grants grants;

    ApiSites(SiteService sites, Grants grants) {
        this.sites = sites;
        this.grants = grants;
    }

    List<String> visibleIds(VerifiedToken token) {
        return token.isApp() ? grants.reachableSiteIds(token.tokenId(), token.userId()) : List.of(token.siteId());
    }

    List<Site> visible(VerifiedToken token) {
        return sites.byIds(visibleIds(token));
    }

    Site get(VerifiedToken token, String siteId) {
        if (!Ids.isObjectId(siteId) || !reaches(token, siteId)) {
            throw ApiException.notFound("The site cannot be found");
        }
        return sites.find(siteId).orElseThrow(() -> ApiException.notFound("The site cannot be found"));
    }

    boolean reaches(VerifiedToken token, String siteId) {
        return token.isApp() ? visibleIds(token).contains(siteId) : siteId.equals(token.siteId());
    }
}
