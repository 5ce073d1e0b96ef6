package dev.weft.api;

/**
 * Reads {@code Authorization: Bearer <token>} (RFC 6750 §2.1) and says precisely what is wrong with a
 * header that is not one, without ever repeating the token.
 */
final class BearerHeader {

    private BearerHeader() {}

    /** The result of reading the header. */
    sealed interface Parsed {
        record Token(String value) implements Parsed {}

        /** {@code tokenSent}: a token was sent but the header around it is wrong (RFC 6750 invalid_token). */
        record Problem(String message, boolean tokenSent) implements Parsed {}
    }

    static Parsed parse(String header) {
        if (header == null) {
            return new Parsed.Problem("no Authorization header was sent: send 'Authorization: Bearer <token>'", false);
        }
        String value = header.strip();
        if (value.isEmpty()) {
            return new Parsed.Problem("the Authorization header is empty: send 'Authorization: Bearer <token>'", false);
        }
        char first = value.charAt(0);
        if (first == '\'' || first == '"' || first == '`') {
            return new Parsed.Problem("the Authorization header starts with a quote character (" + first
                    + "): send Bearer <token> with no quotes around it or before it", true);
        }
        int space = indexOfWhitespace(value);
        if (space < 0) {
            if (value.regionMatches(true, 0, "Bearer", 0, 6)) {
                return new Parsed.Problem("the Authorization header has no space between 'Bearer' and the token", true);
            }
            return new Parsed.Problem(
                    "the Authorization header has no scheme: send 'Authorization: Bearer <token>'", true);
        }
        String scheme = value.substring(0, space);
        if (!scheme.equalsIgnoreCase("Bearer")) {
            String shown = scheme.matches("[A-Za-z-]{1,20}") ? " '" + scheme + "'" : "";
            return new Parsed.Problem("the Authorization scheme" + shown
                    + " is not supported: send 'Authorization: Bearer <token>'", false);
        }
        String token = value.substring(space).strip();
        if (token.isEmpty()) {
            return new Parsed.Problem("the Authorization header has no token after 'Bearer'", false);
        }
        char open = token.charAt(0);
        char close = token.charAt(token.length() - 1);
        if (open == '\'' || open == '"' || open == '`' || close == '\'' || close == '"' || close == '`') {
            return new Parsed.Problem("the token in the Authorization header is wrapped in quotes: send it without quotes", true);
        }
        if (indexOfWhitespace(token) >= 0) {
            return new Parsed.Problem("the Authorization header holds more than one word after 'Bearer': send exactly one token", true);
        }
        return new Parsed.Token(token);
    }

    private static int indexOfWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
