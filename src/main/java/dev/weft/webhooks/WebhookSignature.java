package dev.weft.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webflow's webhook signature: {@code x-webflow-signature} = lowercase hex HMAC-SHA256, keyed by the signing
 * secret, of {@code x-webflow-timestamp + ":" + body}, where the timestamp is milliseconds since the epoch.
 */
public final class WebhookSignature {

    private WebhookSignature() {}

    public static String sign(String secret, long timestampMillis, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestampMillis + ":" + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** True when {@code signature} is the signature of the timestamp and body (constant-time comparison). */
    public static boolean verify(String secret, String timestamp, String body, String signature) {
        if (secret == null || timestamp == null || body == null || signature == null || !timestamp.matches("\\d{1,19}")) {
            return false;
        }
        String expected = sign(secret, Long.parseLong(timestamp), body);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }
}
