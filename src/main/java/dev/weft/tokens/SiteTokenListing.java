package dev.weft.tokens;

import dev.weft.usage.Usage;
import dev.weft.usage.UsageService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Service;

/** API Access's list of a site's tokens: live ones with use and expiry, and the latest dead ones with when and why. */
@Service
public class SiteTokenListing {

    /** How many dead tokens the list keeps showing. */
    static final int ENDED_SHOWN = 20;

    /** The list: live tokens (oldest first), ended ones (newest first), and how many more named ones fit. */
    public record Listing(List<ListedToken> live, List<ListedToken> ended, int namedInService, int maxNamed, long idleDays) {
        public boolean full() {
            return namedInService >= maxNamed;
        }
    }

    private final SiteTokenService service;
    private final SiteTokenRepository tokens;
    private final UsageService usage;
    private final TokenProperties properties;
    private final Clock clock;

    SiteTokenListing(SiteTokenService service, SiteTokenRepository tokens, UsageService usage,
            TokenProperties properties, Clock clock) {
        this.service = service;
        this.tokens = tokens;
        this.usage = usage;
        this.properties = properties;
        this.clock = clock;
    }

    /** For the site's owners and admins. */
    public Listing list(String actorId, String siteId) {
        service.requireAdministrator(actorId, siteId);
        Instant now = clock.instant();
        List<ListedToken> live = tokens.live(siteId).stream().map(s -> listed(s.token(), now)).toList();
        List<ListedToken> ended = tokens.ended(siteId, ENDED_SHOWN).stream()
                .map(s -> new ListedToken(s.token(), usage.lastUse(s.token().id()), null, false, -1, false, -1, null))
                .toList();
        return new Listing(live, ended, tokens.countNamedInService(siteId), properties.maxPerSite(),
                properties.idleExpiry().toDays());
    }

    private ListedToken listed(SiteToken t, Instant now) {
        Usage.LastUse last = usage.lastUse(t.id());
        Instant idle = (last == null || last.at().isBefore(t.createdAt()) ? t.createdAt() : last.at())
                .plus(properties.idleExpiry());
        boolean byIdle = t.expiresAt() == null || idle.isBefore(t.expiresAt());
        Instant expiresAt = byIdle ? idle : t.expiresAt();
        Instant ends = t.retiring() && t.rotation().retireAt().isBefore(expiresAt) ? t.rotation().retireAt() : expiresAt;
        long daysLeft = Math.max(0, (Duration.between(now, expiresAt).toMinutes() + 1439) / 1440);
        long calls = -1;
        Instant lastCall = null;
        if (t.retiring()) {
            LocalDate rotationDay = LocalDate.ofInstant(t.rotation().at(), ZoneOffset.UTC);
            int days = (int) ChronoUnit.DAYS.between(rotationDay, LocalDate.ofInstant(now, ZoneOffset.UTC)) + 1;
            calls = Math.max(0, usage.usage(t.id(), Math.max(1, days)).total() - t.rotation().requestsAtRotation());
            lastCall = last != null && !last.at().isBefore(t.rotation().at()) ? last.at() : null;
        }
        return new ListedToken(t, last, expiresAt, byIdle, daysLeft,
                ends.isBefore(now.plus(properties.expiryWarning())), calls, lastCall);
    }
}
