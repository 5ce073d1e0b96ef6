package dev.weft.usage;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Counts every API request of every credential in memory — requests per day by status class, and the last
 * use (time, client address, user agent) — and appends them as one batch every few seconds
 * ({@code weft.usage.flush-interval}, 5 s) and at shutdown. The request path never waits on a database
 * write; a crash loses at most one interval of counts. {@link UsageFolder} adds the batches to the daily rows.
 */
@Component
public class UsageRecorder {

    private static final Logger log = LoggerFactory.getLogger(UsageRecorder.class);

    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private record Key(String tokenId, LocalDate day) {}

    /** Mutated only inside the map's compute functions, so a flush never loses a concurrent increment. */
    private static final class Counts {
        long requests;
        long s2xx;
        long s3xx;
        long s4xx;
        long s5xx;

        void add(int status) {
            requests++;
            switch (status / 100) {
                case 2 -> s2xx++;
                case 3 -> s3xx++;
                case 4 -> s4xx++;
                default -> { if (status >= 500) s5xx++; }
            }
        }

        Usage.Day toDay(LocalDate day) {
            return new Usage.Day(day, requests, s2xx, s3xx, s4xx, s5xx);
        }
    }

    private final ConcurrentHashMap<Key, Counts> counts = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Usage.LastUse> lastUses = new ConcurrentHashMap<>();
    private volatile LocalDate day;
    private final UsageRepository repository;
    private final Clock clock;
    private final boolean enabled;

    UsageRecorder(UsageRepository repository, Clock clock, @Value("${weft.usage.enabled:true}") boolean enabled) {
        this.repository = repository;
        this.clock = clock;
        this.enabled = enabled;
    }

    /** A request of a credential arrives: it is now the credential's last use. */
    public void touch(String tokenId, String clientAddress, String userAgent) {
        if (!enabled) {
            return;
        }
        // clipped when written, not here: the request path only keeps references
        Usage.LastUse use = new Usage.LastUse(Instant.ofEpochMilli(clock.millis()), clientAddress, userAgent);
        lastUses.merge(tokenId, use, Usage.LastUse::later);
    }

    /** A request of a credential was answered with {@code status}: count it for today. */
    public void count(String tokenId, int status) {
        if (!enabled) {
            return;
        }
        counts.compute(new Key(tokenId, today()), (k, c) -> {
            Counts n = c == null ? new Counts() : c;
            n.add(status);
            return n;
        });
    }

    /** Today in UTC, without building a date on every request. */
    private LocalDate today() {
        long epochDay = Math.floorDiv(clock.millis(), 86_400_000L);
        LocalDate day = this.day;
        if (day == null || day.toEpochDay() != epochDay) {
            day = LocalDate.ofEpochDay(epochDay);
            this.day = day;
        }
        return day;
    }

    /** Runs {@code read} while no flush is between taking counts out of memory and storing them. */
    synchronized <T> T whileNotFlushing(Supplier<T> read) {
        return read.get();
    }

    /** Counts not written yet for one token, by day. */
    List<Usage.Day> pendingDays(String tokenId) {
        List<Usage.Day> days = new ArrayList<>();
        counts.forEach((k, c) -> {
            if (k.tokenId().equals(tokenId)) {
                counts.computeIfPresent(k, (key, current) -> {
                    days.add(current.toDay(key.day()));
                    return current;
                });
            }
        });
        return days;
    }

    Usage.LastUse pendingLastUse(String tokenId) {
        return clipped(lastUses.get(tokenId));
    }

    /**
     * Appends what has gathered since the last flush as one batch, an entry per credential and day: the day's
     * counts and the latest use of that day. On failure it is all kept for the next flush.
     */
    @Scheduled(fixedDelayString = "${weft.usage.flush-interval:PT5S}")
    public synchronized void flush() {
        Map<Key, UsageRepository.DailyDelta> deltas = new HashMap<>();
        for (Key key : counts.keySet()) {
            counts.computeIfPresent(key, (k, c) -> {
                deltas.put(k, new UsageRepository.DailyDelta(k.tokenId(), c.toDay(k.day()), null));
                return null;
            });
        }
        for (String tokenId : lastUses.keySet()) {
            Usage.LastUse use = lastUses.remove(tokenId);
            if (use != null) {
                Key key = new Key(tokenId, LocalDate.ofInstant(use.at(), ZoneOffset.UTC));
                UsageRepository.DailyDelta counted = deltas.get(key);
                deltas.put(key, new UsageRepository.DailyDelta(tokenId,
                        counted != null ? counted.counts() : new Usage.Day(key.day(), 0, 0, 0, 0, 0), clipped(use)));
            }
        }
        if (deltas.isEmpty()) {
            return;
        }
        try {
            repository.append(deltas.values());
        } catch (RuntimeException e) {
            log.warn("Could not write usage counts; keeping them for the next flush: {}", e.getClass().getSimpleName());
            for (UsageRepository.DailyDelta d : deltas.values()) {
                counts.merge(new Key(d.tokenId(), d.counts().day()), counts(d.counts()), UsageRecorder::sum);
                if (d.lastUse() != null) {
                    lastUses.merge(d.tokenId(), d.lastUse(), Usage.LastUse::later);
                }
            }
        }
    }

    @PreDestroy
    void flushAtShutdown() {
        flush();
    }

    private static Counts counts(Usage.Day day) {
        Counts c = new Counts();
        c.requests = day.requests();
        c.s2xx = day.s2xx();
        c.s3xx = day.s3xx();
        c.s4xx = day.s4xx();
        c.s5xx = day.s5xx();
        return c;
    }

    private static Counts sum(Counts a, Counts b) {
        a.requests += b.requests;
        a.s2xx += b.s2xx;
        a.s3xx += b.s3xx;
        a.s4xx += b.s4xx;
        a.s5xx += b.s5xx;
        return a;
    }

    private static Usage.LastUse clipped(Usage.LastUse use) {
        return use == null ? null : new Usage.LastUse(use.at(), clip(use.clientAddress(), 64), clip(use.userAgent(), 256));
    }

    private static String clip(String s, int max) {
        if (s == null || s.isBlank()) {
            return "";
        }
        String clean = CONTROL.matcher(s).replaceAll("?");
        return clean.length() > max ? clean.substring(0, max) : clean;
    }
}
