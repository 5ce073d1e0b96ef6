package dev.weft.usage;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Storage of usage counts and last uses. */
interface UsageRepository {

    /** A day's counts for one token, to be added to what is stored. */
    record DailyDelta(String tokenId, Usage.Day counts) {}

    void add(Collection<DailyDelta> deltas);

    void recordLastUses(Collection<LastUseRow> lastUses);

    record LastUseRow(String tokenId, Usage.LastUse lastUse) {}

    List<Usage.Day> days(String tokenId, LocalDate from, LocalDate to);

    Optional<Usage.LastUse> lastUse(String tokenId);
}
