package dev.weft.tokens;

import java.time.Duration;

/** How long a rotated token keeps working beside its successor. {@link #NOW} is the guide's behaviour. */
public enum Overlap {
    NOW("now", Duration.ZERO, "retire the old token now"),
    HOUR("1h", Duration.ofHours(1), "1 hour"),
    DAY("24h", Duration.ofHours(24), "24 hours"),
    WEEK("7d", Duration.ofDays(7), "7 days");

    private final String value;
    private final Duration duration;
    private final String label;

    Overlap(String value, Duration duration, String label) {
        this.value = value;
        this.duration = duration;
        this.label = label;
    }

    public String value() {
        return value;
    }

    public Duration duration() {
        return duration;
    }

    public String label() {
        return label;
    }

    /** The overlap a form sent; anything unknown or missing is {@link #NOW}, the safe default. */
    public static Overlap of(String value) {
        for (Overlap o : values()) {
            if (o.value.equals(value)) {
                return o;
            }
        }
        return NOW;
    }
}
