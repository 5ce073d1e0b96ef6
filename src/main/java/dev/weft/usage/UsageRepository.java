package dev.weft.usage;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Storage of usage: one row per credential and day with its counts and the last use of that day. */
interface UsageRepository {

    /**
     * A day's counts for one credential, to be added to what is stored, and the latest use seen that day
     * (null if none was seen since the last flush).
     */
    record DailyDelta(String tokenId, Usage.Day counts, Usage.LastUse lastUse) {}

    /** Adds the counts and keeps the later of the stored and the given last use, one row per delta. */
    void add(Collection<DailyDelta> deltas);

    List<Usage.Day> days(String tokenId, LocalDate from, LocalDate to);

    Optional<Usage.LastUse> lastUse(String tokenId);
}
