package dev.weft.tokens;

import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Remembers when each token was last used without a database write on the request path: times gather in
 * memory and are written in one batch every few seconds ({@code weft.tokens.last-used-flush}) and at
 * shutdown. A crash loses at most that interval of last-used updates.
 */
@Component
class LastUsedRecorder {

    private static final Logger log = LoggerFactory.getLogger(LastUsedRecorder.class);

    private final ConcurrentHashMap<String, Instant> pending = new ConcurrentHashMap<>();
    private final SiteTokenRepository tokens;

    LastUsedRecorder(SiteTokenRepository tokens) {
        this.tokens = tokens;
    }

    void record(String tokenId, Instant at) {
        pending.merge(tokenId, at, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** The latest use not yet written, if any. */
    Instant pendingFor(String tokenId) {
        return pending.get(tokenId);
    }

    @Scheduled(fixedDelayString = "${weft.tokens.last-used-flush:PT5S}")
    void flush() {
        if (pending.isEmpty()) {
            return;
        }
        Map<String, Instant> batch = new HashMap<>();
        for (String id : pending.keySet()) {
            Instant at = pending.remove(id);
            if (at != null) {
                batch.put(id, at);
            }
        }
        try {
            tokens.recordLastUsed(batch);
        } catch (RuntimeException e) {
            batch.forEach(this::record);
            log.warn("Could not write last-used times; will retry: {}", e.getClass().getSimpleName());
        }
    }

    @PreDestroy
    void flushAtShutdown() {
        flush();
    }
}
