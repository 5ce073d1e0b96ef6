package dev.weft.usage;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;

/** Reads a credential's usage: what is stored plus what has not been written yet. */
@Service
public class UsageService {

    private final UsageRepository repository;
    private final UsageRecorder recorder;
    private final Clock clock;

    UsageService(UsageRepository repository, UsageRecorder recorder, Clock clock) {
        this.repository = repository;
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
        for (Usage.Day d : repository.days(tokenId, from, today)) {
            byDay.merge(d.day(), d, Usage.Day::plus);
        }
        for (Usage.Day d : recorder.pendingDays(tokenId)) {
            if (byDay.containsKey(d.day())) {
                byDay.merge(d.day(), d, Usage.Day::plus);
            }
        }
        return new Usage(lastUse(tokenId), new ArrayList<>(byDay.values()));
    }

    /** The most recent use, written or not; null if never used. */
    public Usage.LastUse lastUse(String tokenId) {
        Usage.LastUse pending = recorder.pendingLastUse(tokenId);
        return pending != null ? pending : repository.lastUse(tokenId).orElse(null);
    }

    /** A bar per day, for the dashboard's chart: heights in percent of the busiest day. */
    public static List<Integer> barHeights(Usage usage) {
        long max = Math.max(1, usage.busiestDay());
        return usage.days().stream().map(d -> (int) Math.round(100.0 * d.requests() / max)).toList();
    }
}
