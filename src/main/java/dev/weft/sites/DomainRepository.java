package dev.weft.sites;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Storage of sites' custom domains. */
public interface DomainRepository {

    List<SiteDomain> ofSite(String siteId);

    /** Inserts the domain; false when the name is taken (by any site). */
    boolean insert(SiteDomain domain);

    /** Deletes the site's domain; false when the site has no such domain. */
    boolean delete(String siteId, String domainId);

    void markPublished(Collection<String> domainIds, Instant at);
}
