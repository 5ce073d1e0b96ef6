package dev.weft.tokens;

import dev.weft.audit.AuditAction;
import dev.weft.audit.AuditLog;
import dev.weft.audit.AuditLog.Actor;
import dev.weft.sites.SiteService;
import dev.weft.system.ForbiddenException;
import dev.weft.system.Ids;
import dev.weft.system.NotFoundException;
import dev.weft.usage.UsageService;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A site's API tokens, managed by the owners and admins of its workspace and shown once: the guide's legacy token
 * (one per site, every scope; "Generate new API Token" replaces it) and up to {@code weft.tokens.max-per-site}
 * named tokens with chosen scopes (Webflow v2). Rotation may keep the old token working for an overlap. Every
 * change is recorded in the site's audit log, in the same transaction.
 */
@Service
public class SiteTokenService {

    static final int NAME_MAX = 100;

    private final SiteTokenRepository tokens;
    private final SiteService sites;
    private final TokenDigester digester;
    private final TokenRevocations revocations;
    private final AuditLog audit;
    private final UsageService usage;
    private final TokenProperties properties;
    private final Clock clock;

    SiteTokenService(SiteTokenRepository tokens, SiteService sites, TokenDigester digester,
            TokenRevocations revocations, AuditLog audit, UsageService usage, TokenProperties properties, Clock clock) {
        this.revocations = revocations;
        this.tokens = tokens;
        this.sites = sites;
        this.digester = digester;
        this.audit = audit;
        this.usage = usage;
        this.properties = properties;
        this.clock = clock;
    }

    /** The guide's Generate (new) API Token with the old token retired at once. */
    @Transactional
    public IssuedToken generate(String actorId, String siteId) {
        return generate(Actor.user(actorId, null), siteId, Overlap.NOW);
    }

    /**
     * Generates the site's legacy API token, replacing the current one if there is one: at once
     * ({@link Overlap#NOW}, the guide's behaviour) or after {@code overlap}, during which both work.
     */
    @Transactional
    public IssuedToken generate(Actor actor, String siteId, Overlap overlap) {
        requireAdministrator(actor.userId(), siteId);
        sites.lock(siteId); // one change at a time per site
        Instant now = now();
        var replaced = tokens.legacy(siteId);
        tokens.releaseLegacy(siteId); // also frees it from a legacy token revoked elsewhere (a leak report)
        String token = TokenFormat.generate(TokenKind.SITE);
        SiteToken details = SiteToken.issued(Ids.objectId(), siteId, null, null, TokenFormat.hint(token), actor.userId(),
                now, null);
        replaced.ifPresent(old -> retire(actor, old, details.hint(), overlap, now));
        tokens.insert(details, digester.digest(token));
        if (replaced.isEmpty()) {
            audit.record(siteId, AuditAction.TOKEN_GENERATED, actor, details.id(), details.label(), "every scope");
        }
        return new IssuedToken(token, details, replaced.map(old -> old.token().id()).orElse(null));
    }

    /** Creates a named token with the chosen scopes (at least one) and an optional expiry date. */
    @Transactional
    public IssuedToken create(Actor actor, String siteId, NewSiteToken request) {
        requireAdministrator(actor.userId(), siteId);
        sites.lock(siteId);
        Instant now = now();
        if (request.name().isEmpty() || request.name().length() > NAME_MAX) {
            throw new TokenException("Give the token a name of 1 to " + NAME_MAX + " characters.");
        }
        Set<String> scopes = request.scopes();
        if (scopes.isEmpty()) {
            throw new TokenException("Choose read or read and write access to at least one resource.");
        }
        Instant expiresAt = request.expiresOn() == null ? null : request.expiresOn().atStartOfDay(ZoneOffset.UTC).toInstant();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new TokenException("The expiry date must be in the future.");
        }
        int max = properties.maxPerSite();
        if (tokens.countNamedInService(siteId) >= max) {
            throw new TokenException("This site already has " + max + " API tokens, the most it may have: revoke one first.");
        }
        String token = TokenFormat.generate(TokenKind.SITE);
        SiteToken details = SiteToken.issued(Ids.objectId(), siteId, request.name(), scopes, TokenFormat.hint(token),
                actor.userId(), now, expiresAt);
        tokens.insert(details, digester.digest(token));
        audit.record(siteId, AuditAction.TOKEN_GENERATED, actor, details.id(), details.label(),
                String.join(" ", scopes.stream().sorted().toList())
                        + (expiresAt == null ? "" : "; expires " + expiresAt));
        return new IssuedToken(token, details, null);
    }

    /** Rotates a live token: a new one with its name, scopes and (if still ahead) fixed expiry; the old one retires after {@code overlap}. */
    @Transactional
    public IssuedToken rotate(Actor actor, String siteId, String tokenId, Overlap overlap) {
        requireAdministrator(actor.userId(), siteId);
        sites.lock(siteId);
        var old = liveToken(siteId, tokenId);
        if (old.token().retiring()) {
            throw new TokenException("This token was already rotated; rotate the token that replaced it.");
        }
        if (old.token().legacy()) {
            return generate(actor, siteId, overlap);
        }
        Instant now = now();
        String token = TokenFormat.generate(TokenKind.SITE);
        Instant expiresAt = old.token().expiresAt() != null && old.token().expiresAt().isAfter(now) ? old.token().expiresAt() : null;
        SiteToken details = SiteToken.issued(Ids.objectId(), siteId, old.token().name(), old.token().scopes(),
                TokenFormat.hint(token), actor.userId(), now, expiresAt);
        retire(actor, old, details.hint(), overlap, now);
        tokens.insert(details, digester.digest(token));
        return new IssuedToken(token, details, old.token().id());
    }

    /** Revokes a live token at once (Revoke). */
    @Transactional
    public void revoke(Actor actor, String siteId, String tokenId) {
        requireAdministrator(actor.userId(), siteId);
        var token = liveToken(siteId, tokenId);
        if (tokens.end(tokenId, now(), "revoked", actor.userId())) {
            revocations.revoked(token.digest());
            audit.record(siteId, AuditAction.TOKEN_REVOKED, actor, tokenId, token.token().label(), null);
        }
    }

    /** Retire now: ends a rotated token's overlap early. */
    @Transactional
    public void retireNow(Actor actor, String siteId, String tokenId) {
        requireAdministrator(actor.userId(), siteId);
        var token = liveToken(siteId, tokenId);
        if (!token.token().retiring()) {
            throw new TokenException("This token is not in a rotation's overlap: revoke it instead.");
        }
        if (tokens.end(tokenId, now(), reasonRotated(token.token()), null)) {
            revocations.revoked(token.digest());
            audit.record(siteId, AuditAction.TOKEN_RETIRED, actor, tokenId, token.token().label(),
                    "retired now, before the overlap's end at " + token.token().rotation().retireAt());
        }
    }

    /** The site's current legacy token (hint, created), for its owners and admins. */
    public Optional<SiteToken> current(String actorId, String siteId) {
        requireAdministrator(actorId, siteId);
        return tokens.legacy(siteId).map(SiteTokenRepository.Stored::token);
    }

    private void retire(Actor actor, SiteTokenRepository.Stored old, String successorHint, Overlap overlap, Instant now) {
        SiteToken t = old.token();
        if (overlap == Overlap.NOW) {
            tokens.end(t.id(), now, reasonRotated(t), null);
            revocations.revoked(old.digest());
            audit.record(t.siteId(), AuditAction.TOKEN_ROTATED, actor, t.id(), t.label(),
                    "replaced by " + successorHint + "; overlap: none, the old token was retired at once");
            return;
        }
        Instant retireAt = now.plus(overlap.duration());
        long requestsToday = usage.usage(t.id(), 1).total();
        tokens.rotate(t.id(), new SiteToken.Rotation(now, retireAt, successorHint, requestsToday));
        revocations.revoked(old.digest()); // cached copies must learn their new end
        audit.record(t.siteId(), AuditAction.TOKEN_ROTATED, actor, t.id(), t.label(),
                "replaced by " + successorHint + "; overlap: " + overlap.label() + ", the old token works until " + retireAt);
    }

    /** Why a rotated token died: the legacy token keeps the guide's word. */
    static String reasonRotated(SiteToken t) {
        return t.legacy() ? "regenerated" : "rotated";
    }

    private SiteTokenRepository.Stored liveToken(String siteId, String tokenId) {
        var token = tokens.find(siteId, tokenId).orElseThrow(() -> new NotFoundException("No such API token."));
        if (!token.token().live()) {
            throw new TokenException("This token no longer works: it was " + token.token().ended().reason().replace('_', ' ') + ".");
        }
        return token;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    void requireAdministrator(String actorId, String siteId) {
        if (!sites.forUser(actorId, siteId).role().administersSites()) {
            throw new ForbiddenException("Only the workspace's owners and admins can manage API access.");
        }
    }
}
