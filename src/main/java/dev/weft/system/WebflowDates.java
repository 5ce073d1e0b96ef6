package dev.weft.system;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Dates on the wire as Webflow writes them: ISO-8601 UTC with exactly three fraction digits. */
public final class WebflowDates {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private WebflowDates() {}

    /** {@code 2016-10-24T19:41:29.156Z}, or null for null. */
    public static String format(Instant instant) {
        return instant == null ? null : FORMAT.format(instant);
    }

    /** The instant at millisecond precision, as stored and shown. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
