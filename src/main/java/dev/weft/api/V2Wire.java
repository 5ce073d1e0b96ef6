package dev.weft.api;

import dev.weft.accounts.User;
import dev.weft.sites.Site;
import dev.weft.system.WebflowDates;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** Webflow API v2 response shapes, as in the v2 OpenAPI document. */
final class V2Wire {

    private V2Wire() {}

    /** A v2 Site. */
    record V2Site(
            String id,
            String workspaceId,
            String createdOn,
            String displayName,
            String shortName,
            String lastPublished,
            String lastUpdated,
            String previewUrl,
            String timeZone,
            String parentFolderId,
            List<CustomDomain> customDomains,
            Locales locales,
            boolean dataCollectionEnabled,
            String dataCollectionType) {
        static V2Site of(Site site, String previewUrl) {
            Locale primary = new Locale(derivedId(site.id(), "locale"), derivedId(site.id(), "cms-locale"), true,
                    "English", null, true, "", "en");
            return new V2Site(site.id(), site.workspaceId(), WebflowDates.format(site.createdOn()), site.name(),
                    site.shortName(), WebflowDates.format(site.lastPublished()), WebflowDates.format(site.lastUpdated()),
                    previewUrl, site.timeZone(), null, List.of(), new Locales(primary, List.of()), false, "disabled");
        }
    }

    record CustomDomain(String id, String url, String lastPublished) {}

    record Locales(Locale primary, List<Locale> secondary) {}

    record Locale(String id, String cmsLocaleId, boolean enabled, String displayName, String displayImageId,
            boolean redirect, String subdirectory, String tag) {}

    /** {@code GET /v2/sites}. */
    record V2SiteList(List<V2Site> sites) {}

    /** {@code GET /v2/token/introspect}. */
    record Introspection(Authorization authorization, Object application) {}

    record Authorization(String id, String createdOn, String lastUsed, String grantType, int rateLimit, String scope,
            AuthorizedTo authorizedTo) {}

    record Application(String id, String description, String homepage, String displayName) {}

    record AuthorizedTo(List<String> siteIds, List<String> workspaceIds, List<String> userIds) {}

    /** {@code GET /v2/token/authorized_by}. */
    record AuthorizedUser(String id, String email, String firstName, String lastName) {
        static AuthorizedUser of(User user) {
            return new AuthorizedUser(user.id(), user.email(), user.firstName(), user.lastName());
        }
    }

    /** A stable 24-hex id derived from a site id, for things a site has exactly one of (its primary locale). */
    static String derivedId(String siteId, String what) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((siteId + ":" + what).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
