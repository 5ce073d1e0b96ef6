package dev.weft.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.weft.accounts.User;
import dev.weft.sites.Site;
import dev.weft.system.WebflowDates;
import java.util.List;

/** Webflow API v1 (1.0.0) response shapes. */
final class V1Wire {

    private V1Wire() {}

    /** A v1 site: {@code GET /sites}, {@code GET /sites/:site_id}. */
    record V1Site(
            @JsonProperty("_id") String id,
            String createdOn,
            String name,
            String shortName,
            String lastPublished,
            String previewUrl,
            String timezone,
            String database) {
        static V1Site of(Site site, String previewUrl) {
            return new V1Site(site.id(), WebflowDates.format(site.createdOn()), site.name(), site.shortName(),
                    WebflowDates.format(site.lastPublished()), previewUrl, site.timeZone(), site.databaseId());
        }
    }

    /** {@code GET /info}: the flat v1 authorization info. */
    record V1Info(
            @JsonProperty("_id") String id,
            String createdOn,
            String grantType,
            String lastUsed,
            List<String> sites,
            List<String> orgs,
            List<String> workspaces,
            List<String> users,
            int rateLimit,
            String status,
            Object application) {}

    /** The app of an app token in {@code GET /info}. */
    record V1Application(@JsonProperty("_id") String id, String description, String homepage, String name,
            String owner, String ownerType) {}

    /** {@code GET /user}. */
    record V1UserEnvelope(V1User user) {}

    record V1User(@JsonProperty("_id") String id, String email, String firstName, String lastName) {
        static V1User of(User user) {
            return new V1User(user.id(), user.email(), user.firstName(), user.lastName());
        }
    }
}
