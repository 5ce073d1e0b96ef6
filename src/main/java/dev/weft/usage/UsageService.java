package dev.weft.usage;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Service;

/**
 * Reads a credential's usage: the daily rows, plus the batches not folded into them yet, plus what this node
 * has counted and not written yet.
 */
@Service
public class UsageService {

    private final UsageRepository repository;
    private final UnfoldedUsage unfolded;
    private final UsageRecorder recorder;
    private final Clock clock;

    UsageService(UsageRepository repository, UnfoldedUsage unfolded, UsageRecorder recorder, Clock clock) {
        this.repository = repository;
        this.unfolded = unfolded;
        this.recorder = recorder;
        this.clock = clock;
    }

    /** The last {@code days} days (today included), oldest first, and the last use. */
    public Usage usage(String tokenId, int days) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate from = today.minusDays(days - 1L);
        Map<LocalDate, Usage.Day> byDay = new TreeMap<>();
        for (LocalDate d = from; !d.isAfter(today); d = d.plusDays(1)) {
            byDay.put(d, new Usage.Day(d, 0, 0, 0, 0, 0));
        }
        return recorder.whileNotFlushing(() -> {
            AtomicReference<List<Usage.Day>> folded = new AtomicReference<>();
            AtomicReference<Optional<Usage.LastUse>> foldedUse = new AtomicReference<>();
            UnfoldedUsage.TokenSums sums = unfolded.read(tokenId, () -> {
                folded.set(repository.days(tokenId, from, today));
                foldedUse.set(repository.lastUse(tokenId));
            });
            List<Usage.Day> all = new ArrayList<>(folded.get());
            all.addAll(sums.days().values());
            all.addAll(recorder.pendingDays(tokenId));
            for (Usage.Day d : all) {
                if (byDay.containsKey(d.day())) {
                    byDay.merge(d.day(), d, Usage.Day::plus);
                }
            }
            return new Usage(latest(recorder.pendingLastUse(tokenId), sums.lastUse(), foldedUse.get().orElse(null)),
                    new ArrayList<>(byDay.values()));
        });
    }

    /** The most recent use, written or not; null if never used. */
    public Usage.LastUse lastUse(String tokenId) {
        return recorder.whileNotFlushing(() -> {
            AtomicReference<Optional<Usage.LastUse>> folded = new AtomicReference<>();
            UnfoldedUsage.TokenSums sums = unfolded.read(tokenId, () -> folded.set(repository.lastUse(tokenId)));
            return latest(recorder.pendingLastUse(tokenId), sums.lastUse(), folded.get().orElse(null));
        });
    }

    private static Usage.LastUse latest(Usage.LastUse... uses) {
        Usage.LastUse latest = null;
        for (Usage.LastUse u : uses) {
            if (u != null) {
                latest = latest == null ? u : Usage.LastUse.later(latest, u);
            }
        }
        return latest;
    }

    /** A bar per day, for the dashboard's chart: heights in percent of the busiest day. */
    public static List<Integer> barHeights(Usage usage) {
        long max = Math.max(1, usage.busiestDay());
        return usage.days().stream().map(d -> (int) Math.round(100.0 * d.requests() / max)).toList();
    }
}
