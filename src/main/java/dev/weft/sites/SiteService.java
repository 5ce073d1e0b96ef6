package dev.weft.sites;

import dev.weft.accounts.AccountService;
import dev.weft.accounts.Role;
import dev.weft.system.ForbiddenException;
import dev.weft.system.Ids;
import dev.weft.system.NotFoundException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating sites from templates and finding them for users and API callers. */
@Service
public class SiteService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SiteRepository sites;
    private final Templates templates;
    private final AccountService accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int rateLimitMax;

    SiteService(SiteRepository sites, Templates templates, AccountService accounts,
            ApplicationEventPublisher events, Clock clock,
            @Value("${weft.api.rate-limit-max:6000}") int rateLimitMax) {
        this.rateLimitMax = rateLimitMax;
        this.sites = sites;
        this.templates = templates;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    /** A request to create a site, as the Create Site form sends it. */
    public record CreateSite(String workspaceId, String templateSlug, String name, String timeZone) {}

    /** A site together with the role of the user looking at it. */
    public record SiteAccess(Site site, Role role) {}

    /** Makes a site from a template in a workspace the user belongs to. */
    @Transactional
    public Site create(String userId, CreateSite request) {
        accounts.roleIn(userId, request.workspaceId())
                .orElseThrow(() -> new NotFoundException("The workspace cannot be found."));
        Template template = templates.find(request.templateSlug())
                .orElseThrow(() -> new SiteException("Choose a template from the gallery."));
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > 100) {
            throw new SiteException("Give the site a name of 1 to 100 characters.");
        }
        String zone = zone(request.timeZone());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String base = slug(name);
        for (int attempt = 0; attempt < 20; attempt++) {
            String shortName = attempt == 0 ? base : base + "-" + HexFormat.of().toHexDigits((short) RANDOM.nextInt());
            if (sites.shortNameTaken(shortName)) {
                continue;
            }
            Site site = new Site(Ids.objectId(), request.workspaceId(), name, shortName, zone, template.slug(),
                    Ids.objectId(), now, now, null, null);
            if (sites.insert(site)) {
                events.publishEvent(new SiteCreated(site, template));
                return site;
            }
        }
        throw new SiteException("Could not find a free short name for this site; try another name.");
    }

    /** The site, if the user is a member of its workspace; else 404 (existence is not revealed). */
    public SiteAccess forUser(String userId, String siteId) {
        Site site = sites.find(siteId).orElseThrow(() -> new NotFoundException("The site cannot be found."));
        Role role = accounts.roleIn(userId, site.workspaceId())
                .orElseThrow(() -> new NotFoundException("The site cannot be found."));
        return new SiteAccess(site, role);
    }

    public List<Site> inWorkspace(String workspaceId) {
        return sites.inWorkspace(workspaceId);
    }

    public Optional<Site> find(String siteId) {
        return sites.find(siteId);
    }

    public List<Site> byIds(Collection<String> ids) {
        return sites.byIds(ids);
    }

    /**
     * Sets the site's API rate limit (requests per minute per token), or back to the default with null.
     * Owners and admins only. Takes effect at once (cached tokens of the site are evicted).
     */
    @Transactional
    public Site setRateLimit(String userId, String siteId, Integer rateLimit) {
        SiteAccess access = forUser(userId, siteId);
        if (!access.role().administersSites()) {
            throw new ForbiddenException("Only the workspace's owners and admins can change API settings.");
        }
        if (rateLimit != null && (rateLimit < 1 || rateLimit > rateLimitMax)) {
            throw new SiteException("Choose a rate limit from 1 to " + rateLimitMax + " requests per minute.");
        }
        sites.updateRateLimit(siteId, rateLimit, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        events.publishEvent(new SiteSettingsChanged(siteId));
        return sites.find(siteId).orElseThrow();
    }

    /** Locks the site's row for the rest of the transaction. */
    public Site lock(String siteId) {
        return sites.lock(siteId).orElseThrow(() -> new NotFoundException("The site cannot be found."));
    }

    static String slug(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > 50) {
            slug = slug.substring(0, 50).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "site" : slug;
    }

    private static String zone(String timeZone) {
        if (timeZone == null || timeZone.isBlank()) {
            return "UTC";
        }
        try {
            return ZoneId.of(timeZone.strip()).getId();
        } catch (DateTimeException e) {
            throw new SiteException("Choose a time zone from the list.");
        }
    }
}
