package dev.weft.sites;

import java.time.Instant;
import java.util.Objects;

/**
 * A site: made from a template in a workspace. One domain view shared by API v1 and v2.
 *
 * @param rateLimit the site's own API limit in requests per minute per token; null for the default
 */
public record Site(
        String id,
        String workspaceId,
        String name,
        String shortName,
        String timeZone,
        String template,
        String databaseId,
        Instant createdOn,
        Instant lastUpdated,
        Instant lastPublished,
        Integer rateLimit) {
    public Site {
        Objects.requireNonNull(id, "id cannot be null");
        Objects.requireNonNull(workspaceId, "workspaceId cannot be null");
        Objects.requireNonNull(name, "name cannot be null");
        Objects.requireNonNull(shortName, "shortName cannot be null");
        Objects.requireNonNull(timeZone, "timeZone cannot be null");
        Objects.requireNonNull(template, "template cannot be null");
        Objects.requireNonNull(databaseId, "databaseId cannot be null");
        Objects.requireNonNull(createdOn, "createdOn cannot be null");
        Objects.requireNonNull(lastUpdated, "lastUpdated cannot be null");
    }
}
