package dev.weft.tokens;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * The keyed digest that is all Weft stores of a token: hex HMAC-SHA256 under a pepper that lives
 * outside the database, so a database leak alone reveals nothing usable.
 */
@Component
public class TokenDigester {

    private final SecretKeySpec key;

    TokenDigester(TokenPepper pepper) {
        this.key = new SecretKeySpec(pepper.bytes(), "HmacSHA256");
    }

    /** Hex HMAC-SHA256(pepper, token). */
    public String digest(String token) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Constant-time comparison of two digests. */
    public static boolean matches(String a, String b) {
        return MessageDigest.isEqual(
                a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }
}
