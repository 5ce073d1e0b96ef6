package dev.weft.cms;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A CMS collection of a site, with its fields in order. */
public record CmsCollection(String id, String siteId, String name, String singularName, String slug,
        Instant createdOn, Instant lastUpdated, List<CmsField> fields) {
    public CmsCollection {
        Objects.requireNonNull(id, "id cannot be null");
        Objects.requireNonNull(siteId, "siteId cannot be null");
        Objects.requireNonNull(name, "name cannot be null");
        Objects.requireNonNull(createdOn, "createdOn cannot be null");
        fields = List.copyOf(fields);
    }

    public Optional<CmsField> field(String slug) {
        return fields.stream().filter(f -> f.slug().equals(slug)).findFirst();
    }
}
