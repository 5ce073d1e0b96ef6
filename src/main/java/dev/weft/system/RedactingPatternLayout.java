package dev.weft.system;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** The log layout of every appender: the formatted line, stack traces included, passes {@link Redaction}. */
public class RedactingPatternLayout extends PatternLayout {

    @Override
    public String doLayout(ILoggingEvent event) {
        return Redaction.redact(super.doLayout(event));
    }
}
