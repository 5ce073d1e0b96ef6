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

    /** Initialised once; each digest works on a clone (Mac is not thread-safe; getInstance + init cost ~400 ns). */
    private final Mac prototype;
    private final SecretKeySpec key;

    TokenDigester(TokenPepper pepper) {
        this.key = new SecretKeySpec(pepper.bytes(), "HmacSHA256");
        try {
            this.prototype = Mac.getInstance("HmacSHA256");
            prototype.init(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Hex HMAC-SHA256(pepper, token). */
    public String digest(String token) {
        return HexFormat.of().formatHex(mac().doFinal(token.getBytes(StandardCharsets.US_ASCII)));
    }

    private Mac mac() {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) { // a provider whose Mac cannot be cloned: build a fresh one
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException f) {
                throw new IllegalStateException("HmacSHA256 unavailable", f);
            }
        }
    }

    /** Constant-time comparison of two digests. */
    public static boolean matches(String a, String b) {
        return MessageDigest.isEqual(
                a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }
}
