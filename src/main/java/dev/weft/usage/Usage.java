package dev.weft.usage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * How a credential has been used: its last use, and requests per day for a window of days (oldest first,
 * days without requests included) with totals by status class.
 */
public record Usage(LastUse lastUse, List<Day> days) {

    /** The most recent request: when, from which client address, with which user agent. */
    public record LastUse(Instant at, String clientAddress, String userAgent) {
        /** The later of two uses (the first if they are at the same time). */
        static LastUse later(LastUse a, LastUse b) {
            return b.at.isAfter(a.at) ? b : a;
        }
    }

    /** One day's requests by status class. */
    public record Day(LocalDate day, long requests, long s2xx, long s3xx, long s4xx, long s5xx) {
        Day plus(Day other) {
            return new Day(day, requests + other.requests, s2xx + other.s2xx, s3xx + other.s3xx, s4xx + other.s4xx,
                    s5xx + other.s5xx);
        }
    }

    public long total() {
        return days.stream().mapToLong(Day::requests).sum();
    }

    public long total2xx() {
        return days.stream().mapToLong(Day::s2xx).sum();
    }

    public long total3xx() {
        return days.stream().mapToLong(Day::s3xx).sum();
    }

    public long total4xx() {
        return days.stream().mapToLong(Day::s4xx).sum();
    }

    public long total5xx() {
        return days.stream().mapToLong(Day::s5xx).sum();
    }

    public long busiestDay() {
        return days.stream().mapToLong(Day::requests).max().orElse(0);
    }
}
