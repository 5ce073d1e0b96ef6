package dev.weft.api;

import dev.weft.sites.Site;
import dev.weft.sites.SiteService;
import dev.weft.system.Ids;
import dev.weft.tokens.VerifiedToken;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What sites a token reaches. A site token reaches its own site only; any other id, existing or not,
 * is the same 404.
 */
@Component
class ApiSites {

    private final SiteService sites;

    ApiSites(SiteService sites) {
        this.sites = sites;
    }

    List<Site> visible(VerifiedToken token) {
        return sites.byIds(List.of(token.siteId()));
    }

    Site get(VerifiedToken token, String siteId) {
        if (!Ids.isObjectId(siteId) || !siteId.equals(token.siteId())) {
            throw ApiException.notFound("The site cannot be found");
        }
        return sites.find(siteId).orElseThrow(() -> ApiException.notFound("The site cannot be found"));
    }
}
