package dev.weft.system;

import java.util.regex.Pattern;

/** Removes secrets from text bound for logs and error bodies. */
public final class Redaction {

    private static final Pattern TOKEN = Pattern.compile("weft_(site|app|cs)_[0-9A-Za-z]+");
    private static final Pattern AUTHORIZATION =
            Pattern.compile("(?i)(authorization[\"']?\\s*[:=]\\s*[\"']?)(bearer\\s+|basic\\s+)?[^\\s,;\"'}\\]]+");
    private static final Pattern PASSWORD =
            Pattern.compile("(?i)((password|client_secret|access_token)[\"']?\\s*[:=]\\s*[\"']?)[^\\s&,;\"'}\\]]+");

    private Redaction() {}

    /** The text with every Weft token, Authorization value and password-like parameter replaced. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = TOKEN.matcher(text).replaceAll("weft_$1_[REDACTED]");
        out = AUTHORIZATION.matcher(out).replaceAll("$1$2[REDACTED]");
        return PASSWORD.matcher(out).replaceAll("$1[REDACTED]");
    }
}
