package dev.weft.sites;

import java.time.Instant;
import java.util.Objects;

/**
 * A custom domain of a site (Webflow v1 {@code {_id, name}}, v2 {@code {id, url, lastPublished}}).
 *
 * @param lastPublished when the site was last published to this domain; null if never
 */
public record SiteDomain(String id, String siteId, String name, Instant createdOn, Instant lastPublished) {
    public SiteDomain {
        Objects.requireNonNull(id, "id cannot be null");
        Objects.requireNonNull(siteId, "siteId cannot be null");
        Objects.requireNonNull(name, "name cannot be null");
        Objects.requireNonNull(createdOn, "createdOn cannot be null");
    }
}
