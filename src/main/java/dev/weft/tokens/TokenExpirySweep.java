package dev.weft.tokens;

import dev.weft.audit.AuditAction;
import dev.weft.audit.AuditLog;
import dev.weft.audit.AuditLog.Actor;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Marks dead the site tokens whose time has come, every {@code weft.tokens.sweep-interval} (1 h): a fixed expiry
 * or {@code weft.tokens.idle-expiry} without use ({@code expired}, audited as TOKEN_EXPIRED), and the old token of
 * a rotation whose overlap ended (audited as TOKEN_RETIRED). Each is dead from its deadline on ({@code revoked_at}
 * = the deadline), and is evicted from every node's cache. Verification refuses such tokens already before the
 * sweep reaches them; the sweep makes it permanent and visible.
 */
@Component
public class TokenExpirySweep {

    private static final Logger log = LoggerFactory.getLogger(TokenExpirySweep.class);
    static final int BATCH = 500;

    private final SiteTokenRepository tokens;
    private final TokenRevocations revocations;
    private final AuditLog audit;
    private final LastUses lastUses;
    private final TokenProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    TokenExpirySweep(SiteTokenRepository tokens, TokenRevocations revocations, AuditLog audit, LastUses lastUses,
            TokenProperties properties, PlatformTransactionManager transactionManager, Clock clock) {
        this.tokens = tokens;
        this.revocations = revocations;
        this.audit = audit;
        this.lastUses = lastUses;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${weft.tokens.sweep-interval:PT1H}",
            initialDelayString = "${weft.tokens.sweep-interval:PT1H}")
    void scheduled() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("Token expiry sweep failed; retrying at the next interval: {}", e.getClass().getSimpleName());
        }
    }

    /** Runs one sweep now; returns how many tokens it ended. */
    public int sweep() {
        int ended = 0;
        int batch;
        do {
            batch = transactions.execute(tx -> sweepDue());
            ended += batch;
        } while (batch == BATCH);
        Instant cutoff = clock.instant().minus(properties.idleExpiry());
        var candidates = tokens.idleSince(cutoff, BATCH);
        ended += transactions.execute(tx -> sweepIdle(candidates, cutoff));
        return ended;
    }

    private int sweepDue() {
        Instant now = clock.instant();
        int ended = 0;
        for (var due : tokens.due(now, BATCH)) {
            SiteToken t = due.token();
            Instant retireAt = t.rotation() == null ? null : t.rotation().retireAt();
            boolean retired = retireAt != null && (t.expiresAt() == null || !retireAt.isAfter(t.expiresAt()));
            Instant at = retired ? retireAt : t.expiresAt();
            if (tokens.end(t.id(), at, retired ? SiteTokenService.reasonRotated(t) : "expired", null)) {
                revocations.revoked(due.digest());
                audit.record(t.siteId(), retired ? AuditAction.TOKEN_RETIRED : AuditAction.TOKEN_EXPIRED, Actor.weft(),
                        t.id(), t.label(), retired ? "the rotation's overlap ended at " + at : "reached its expiry date " + at);
                ended++;
            }
        }
        return ended;
    }

    /** The stored usage said idle; unwritten uses (the last few seconds) may say otherwise. */
    private int sweepIdle(java.util.List<SiteTokenRepository.Stored> candidates, Instant cutoff) {
        int ended = 0;
        for (var idle : candidates) {
            SiteToken t = idle.token();
            Instant last = lastUses.lastUse(t.id());
            Instant from = last == null || last.isBefore(t.createdAt()) ? t.createdAt() : last;
            if (from.isAfter(cutoff)) {
                continue;
            }
            Instant at = from.plus(properties.idleExpiry());
            if (tokens.end(t.id(), at, "expired", null)) {
                revocations.revoked(idle.digest());
                audit.record(t.siteId(), AuditAction.TOKEN_EXPIRED, Actor.weft(), t.id(), t.label(),
                        "not used for " + properties.idleExpiry().toDays() + " days (last use: "
                                + (last == null ? "never" : last.toString()) + ")");
                ended++;
            }
        }
        return ended;
    }
}
