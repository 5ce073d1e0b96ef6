package dev.weft.sites;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Storage of sites. */
public interface SiteRepository {

    /** Inserts the site; false when its short name is taken. */
    boolean insert(Site site);

    Optional<Site> find(String id);

    /** Locks the site's row until the transaction ends (serialises token changes on one site). */
    Optional<Site> lock(String id);

    List<Site> inWorkspace(String workspaceId);

    List<Site> byIds(Collection<String> ids);

    boolean shortNameTaken(String shortName);

    void updateRateLimit(String id, Integer rateLimit, Instant at);

    /** Records a publish: {@code last_published} (and {@code last_updated}) become {@code at}. */
    void updateLastPublished(String id, Instant at);
}
