package dev.weft.cms;

import java.time.Instant;

/**
 * Which items of a collection to list (v2 List Collection Items): exact name and slug, date ranges (inclusive,
 * null bounds open), sort and page.
 *
 * @param sortBy {@code createdOn}, {@code lastPublished}, {@code lastUpdated}, {@code name} or {@code slug};
 *     null for creation order
 */
public record ItemQuery(int offset, int limit, String name, String slug, Range createdOn, Range lastUpdated,
        Range lastPublished, String sortBy, boolean descending) {

    public static final int MAX_LIMIT = 100;

    public ItemQuery {
        if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("offset must be >= 0 and limit within 1.." + MAX_LIMIT);
        }
    }

    public static ItemQuery page(int offset, int limit) {
        return new ItemQuery(offset, limit, null, null, null, null, null, null, false);
    }

    /** Instants from {@code gte} to {@code lte}, both inclusive; either may be null. */
    public record Range(Instant gte, Instant lte) {
        boolean contains(Instant at) {
            if (gte == null && lte == null) {
                return true;
            }
            return at != null && (gte == null || !at.isBefore(gte)) && (lte == null || !at.isAfter(lte));
        }
    }
}
