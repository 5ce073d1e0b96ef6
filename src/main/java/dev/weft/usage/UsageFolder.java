package dev.weft.usage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Adds the stored usage batches to the daily rows and deletes them, every {@code weft.usage.fold-interval}
 * (1 h) and a minute after start-up. A fold costs a random B-tree write per credential and day it touches;
 * folding hourly pays that once an hour per credential used, where writing daily rows at each flush paid it
 * every 5 s. Reads add unfolded batches ({@link UnfoldedUsage}), so the interval only bounds their number.
 */
@Component
public class UsageFolder {

    private static final Logger log = LoggerFactory.getLogger(UsageFolder.class);
    private static final int BATCHES_PER_TRANSACTION = 100;

    private final UsageRepository repository;

    UsageFolder(UsageRepository repository) {
        this.repository = repository;
    }

    /** Folds every stored batch, a hundred per transaction; returns how many. */
    @Scheduled(fixedDelayString = "${weft.usage.fold-interval:PT1H}",
            initialDelayString = "${weft.usage.fold-initial-delay:PT1M}")
    public int fold() {
        int total = 0;
        long started = System.nanoTime();
        try {
            for (int n; (n = repository.fold(BATCHES_PER_TRANSACTION)) > 0; ) {
                total += n;
            }
        } catch (RuntimeException e) {
            log.warn("Could not fold usage batches; they stay stored for the next fold: {}", e.getClass().getSimpleName());
        }
        if (total > 0) {
            log.info("Folded {} usage batches into the daily rows in {} ms", total, (System.nanoTime() - started) / 1_000_000);
        }
        return total;
    }
}
