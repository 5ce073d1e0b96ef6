package dev.weft.usage;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * What the stored batches (written, not folded yet) add to the daily rows, per credential. Batches never
 * change once written, so each is read once; when a fold removes any of them, the sums are rebuilt from the
 * batches that remain.
 */
@Component
class UnfoldedUsage {

    /** One credential's unfolded counts by day and its latest unfolded use. */
    record TokenSums(Map<LocalDate, Usage.Day> days, Usage.LastUse lastUse) {}

    private final UsageRepository repository;
    private final Set<Long> loaded = new HashSet<>();
    private final Map<String, Map<LocalDate, Usage.Day>> days = new HashMap<>();
    private final Map<String, Usage.LastUse> lastUses = new HashMap<>();

    UnfoldedUsage(UsageRepository repository) {
        this.repository = repository;
    }

    /**
     * One credential's unfolded sums, consistent with what {@code readFolded} reads from the daily rows: if a
     * fold moved batches into the daily rows while it read, the read is repeated (a batch is counted once).
     */
    synchronized TokenSums read(String tokenId, Runnable readFolded) {
        for (int attempt = 1; ; attempt++) {
            Set<Long> present = sync();
            readFolded.run();
            if (attempt == 3 || repository.batchIds().containsAll(present)) {
                return new TokenSums(new TreeMap<>(days.getOrDefault(tokenId, Map.of())), lastUses.get(tokenId));
            }
        }
    }

    private Set<Long> sync() {
        Set<Long> present = repository.batchIds();
        if (!present.containsAll(loaded)) {
            loaded.clear();
            days.clear();
            lastUses.clear();
        }
        Set<Long> missing = new HashSet<>(present);
        missing.removeAll(loaded);
        if (!missing.isEmpty()) {
            for (UsageRepository.Batch batch : repository.batches(missing)) {
                add(batch.deltas());
                loaded.add(batch.id());
            }
        }
        return present;
    }

    private void add(List<UsageRepository.DailyDelta> deltas) {
        for (UsageRepository.DailyDelta d : deltas) {
            days.computeIfAbsent(d.tokenId(), k -> new HashMap<>()).merge(d.counts().day(), d.counts(), Usage.Day::plus);
            if (d.lastUse() != null) {
                lastUses.merge(d.tokenId(), d.lastUse(), Usage.LastUse::later);
            }
        }
    }
}
