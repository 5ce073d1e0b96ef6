package dev.weft.tokens;

import java.security.SecureRandom;
import java.util.zip.CRC32;

/**
 * The token format: {@code <prefix><30 base62 random chars><6 base62 CRC32 chars>}, e.g.
 * {@code weft_site_4Xq…Zr0a1B2c}. 30 base62 characters carry 178 bits from a CSPRNG; the checksum
 * (CRC32 of prefix and random part) lets a mistyped or truncated token be rejected with no I/O.
 * Scanner pattern: {@code weft_(site|app|cs)_[0-9A-Za-z]{36}}.
 */
public final class TokenFormat {

    static final int RANDOM_LENGTH = 30;
    static final int CHECKSUM_LENGTH = 6;
    static final int BODY_LENGTH = RANDOM_LENGTH + CHECKSUM_LENGTH;
    private static final char[] ALPHABET =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenFormat() {}

    /** A new token of the given kind. */
    public static String generate(TokenKind kind) {
        StringBuilder sb = new StringBuilder(kind.prefix().length() + BODY_LENGTH);
        sb.append(kind.prefix());
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            sb.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        sb.append(checksum(sb));
        return sb.toString();
    }

    /** Checks prefix, length, alphabet and checksum without any I/O. */
    public static Parsed parse(String token) {
        if (token == null || token.isEmpty()) {
            return new Parsed.Malformed("the token is empty");
        }
        TokenKind kind = null;
        for (TokenKind k : TokenKind.values()) {
            if (token.startsWith(k.prefix())) {
                kind = k;
                break;
            }
        }
        if (kind == null) {
            return new Parsed.Malformed("the token is not a Weft token (Weft tokens start with "
                    + TokenKind.SITE.prefix() + " or " + TokenKind.APP.prefix() + ")");
        }
        int bodyStart = kind.prefix().length();
        if (token.length() != bodyStart + BODY_LENGTH) {
            return new Parsed.Malformed("the token has the wrong length: it may have been truncated");
        }
        for (int i = bodyStart; i < token.length(); i++) {
            if (base62Value(token.charAt(i)) < 0) {
                return new Parsed.Malformed("the token contains a character that no Weft token has");
            }
        }
        CharSequence head = token.subSequence(0, token.length() - CHECKSUM_LENGTH);
        String expected = checksum(head);
        if (!expected.contentEquals(token.subSequence(token.length() - CHECKSUM_LENGTH, token.length()))) {
            return new Parsed.Malformed("the token's checksum does not match: it was mistyped or altered");
        }
        return new Parsed.WellFormed(kind, token);
    }

    /** A short, non-secret hint for display: the prefix and the last four characters. */
    public static String hint(String token) {
        Parsed parsed = parse(token);
        String prefix = parsed instanceof Parsed.WellFormed wf ? wf.kind().prefix() : "";
        return prefix + "…" + token.substring(token.length() - 4);
    }

    static String checksum(CharSequence text) {
        CRC32 crc = new CRC32();
        for (int i = 0; i < text.length(); i++) {
            crc.update(text.charAt(i));
        }
        long value = crc.getValue();
        char[] out = new char[CHECKSUM_LENGTH];
        for (int i = CHECKSUM_LENGTH - 1; i >= 0; i--) {
            out[i] = ALPHABET[(int) (value % 62)];
            value /= 62;
        }
        return new String(out);
    }

    private static int base62Value(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
        if (c >= 'a' && c <= 'z') return c - 'a' + 36;
        return -1;
    }

    /** The result of checking a token's shape. */
    public sealed interface Parsed {
        /** Prefix, length, alphabet and checksum are right; the token may still be unknown. */
        record WellFormed(TokenKind kind, String token) implements Parsed {}

        /** Not a Weft token; {@code reason} says why, without repeating the token. */
        record Malformed(String reason) implements Parsed {}
    }
}
