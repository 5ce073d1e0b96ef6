package dev.weft.usage;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Storage of usage. Flushes append batches (one row per flush, see V11); folds add batches to the daily rows
 * (one row per credential and day with its counts and the last use of that day) and delete them.
 */
interface UsageRepository {

    /**
     * A day's counts for one credential, to be added to what is stored, and the latest use seen that day
     * (null if none was seen since the last flush).
     */
    record DailyDelta(String tokenId, Usage.Day counts, Usage.LastUse lastUse) {}

    /** A batch not folded yet. */
    record Batch(long id, List<DailyDelta> deltas) {}

    /** Appends one flush's deltas as one batch (several if it is very large), in one transaction. */
    void append(Collection<DailyDelta> deltas);

    /** The ids of the batches not folded yet. */
    Set<Long> batchIds();

    List<Batch> batches(Collection<Long> ids);

    /**
     * Adds up to {@code maxBatches} of the oldest batches to the daily rows and deletes them, in one
     * transaction that holds the fold lock (so two nodes never fold the same batch); returns how many.
     */
    int fold(int maxBatches);

    List<Usage.Day> days(String tokenId, LocalDate from, LocalDate to);

    Optional<Usage.LastUse> lastUse(String tokenId);
}
