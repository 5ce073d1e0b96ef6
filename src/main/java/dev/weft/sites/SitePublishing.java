package dev.weft.sites;

import dev.weft.system.ForbiddenException;
import dev.weft.system.Ids;
import dev.weft.system.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishing a site to its custom domains and/or its own subdomain, and managing those domains. A publish
 * sets the site's and the domains' last-published time and publishes {@link SitePublished} in its
 * transaction (the CMS publishes its items, webhooks are queued). At most one publish per site a minute
 * ({@code weft.sites.publish-interval}), as at Webflow; the site's row lock makes that hold across nodes.
 */
@Service
public class SitePublishing {

    private static final Pattern HOST = Pattern.compile(
            "(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?");

    private final SiteService sites;
    private final SiteRepository siteRows;
    private final DomainRepository domains;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration interval;
    private final String subdomainSuffix;

    SitePublishing(SiteService sites, SiteRepository siteRows, DomainRepository domains,
            ApplicationEventPublisher events, Clock clock,
            @Value("${weft.sites.publish-interval:PT1M}") Duration interval,
            @Value("${weft.sites.subdomain-suffix:weft.io}") String subdomainSuffix) {
        this.sites = sites;
        this.siteRows = siteRows;
        this.domains = domains;
        this.events = events;
        this.clock = clock;
        this.interval = interval;
        this.subdomainSuffix = subdomainSuffix;
    }

    /** What a publish did: the domains published to (as they are now) and whether the subdomain was. */
    public record Publication(Site site, List<SiteDomain> domains, boolean toSubdomain, Instant at) {}

    public List<SiteDomain> domains(String siteId) {
        return domains.ofSite(siteId);
    }

    /** The site's own host ({@code short-name.weft.io}), Webflow's {@code .webflow.io} subdomain. */
    public String subdomain(Site site) {
        return site.shortName() + "." + subdomainSuffix;
    }

    /** Webflow v2: publishes to the domains with these ids and, if asked, the subdomain. */
    @Transactional
    public Publication publish(String siteId, List<String> domainIds, boolean toSubdomain, String publishedBy) {
        Map<String, SiteDomain> byId = domains.ofSite(siteId).stream()
                .collect(Collectors.toMap(SiteDomain::id, Function.identity()));
        List<String> unknown = domainIds.stream().filter(id -> !byId.containsKey(id)).distinct().toList();
        if (!unknown.isEmpty()) {
            throw PublishException.unknownDomains(unknown);
        }
        if (domainIds.isEmpty() && !toSubdomain) {
            throw PublishException.noTarget("Include at least one of customDomains or publishToWebflowSubdomain");
        }
        return publishTo(siteId, new LinkedHashSet<>(domainIds).stream().map(byId::get).toList(), toSubdomain, publishedBy);
    }

    /** Webflow v1: publishes to these host names (custom domains, or the site's subdomain). */
    @Transactional
    public Publication publishToHosts(String siteId, List<String> hosts, String publishedBy) {
        Site site = sites.find(siteId).orElseThrow(() -> new NotFoundException("The site cannot be found."));
        Map<String, SiteDomain> byName = domains.ofSite(siteId).stream()
                .collect(Collectors.toMap(SiteDomain::name, Function.identity()));
        String own = subdomain(site);
        List<String> unknown = hosts.stream().filter(h -> !byName.containsKey(h) && !h.equals(own)).distinct().toList();
        if (!unknown.isEmpty()) {
            throw PublishException.unknownDomains(unknown);
        }
        if (hosts.isEmpty()) {
            throw PublishException.noTarget("Give at least one domain to publish to");
        }
        List<SiteDomain> targets = hosts.stream().distinct().filter(byName::containsKey).map(byName::get).toList();
        return publishTo(siteId, targets, hosts.contains(own), publishedBy);
    }

    private Publication publishTo(String siteId, List<SiteDomain> targets, boolean toSubdomain, String publishedBy) {
        Site site = sites.lock(siteId);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (site.lastPublished() != null && now.isBefore(site.lastPublished().plus(interval))) {
            long wait = Duration.between(now, site.lastPublished().plus(interval)).toMillis();
            throw PublishException.tooSoon(Math.max(1, (wait + 999) / 1000));
        }
        siteRows.updateLastPublished(siteId, now);
        domains.markPublished(targets.stream().map(SiteDomain::id).toList(), now);
        List<String> hosts = new ArrayList<>(targets.stream().map(SiteDomain::name).toList());
        if (toSubdomain) {
            hosts.add(subdomain(site));
        }
        events.publishEvent(new SitePublished(siteId, site.workspaceId(), now, List.copyOf(hosts), publishedBy));
        List<SiteDomain> published = targets.stream()
                .map(d -> new SiteDomain(d.id(), d.siteId(), d.name(), d.createdOn(), now)).toList();
        return new Publication(siteRows.find(siteId).orElseThrow(), published, toSubdomain, now);
    }

    /** Adds a custom domain to the site. Owners and admins only. */
    @Transactional
    public SiteDomain addDomain(String userId, String siteId, String name) {
        administer(userId, siteId);
        String host = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (!HOST.matcher(host).matches()) {
            throw new SiteException("Enter a domain name such as www.example.com.");
        }
        SiteDomain domain = new SiteDomain(Ids.objectId(), siteId, host, clock.instant().truncatedTo(ChronoUnit.MILLIS), null);
        if (!domains.insert(domain)) {
            throw new SiteException("The domain " + host + " is already in use.");
        }
        return domain;
    }

    /** Removes a custom domain from the site. Owners and admins only. */
    @Transactional
    public void removeDomain(String userId, String siteId, String domainId) {
        administer(userId, siteId);
        if (!domains.delete(siteId, domainId)) {
            throw new NotFoundException("No such domain.");
        }
    }

    private void administer(String userId, String siteId) {
        if (!sites.forUser(userId, siteId).role().administersSites()) {
            throw new ForbiddenException("Only the workspace's owners and admins can change domains.");
        }
    }
}
