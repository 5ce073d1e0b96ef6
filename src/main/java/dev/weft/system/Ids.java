package dev.weft.system;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

/** Webflow-style identifiers: 24-hex object ids (time, random, counter) and 32-hex field ids. */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] PROCESS_UNIQUE = randomBytes(5);
    private static final AtomicInteger COUNTER = new AtomicInteger(RANDOM.nextInt());
    private static final HexFormat HEX = HexFormat.of();

    private Ids() {}

    /** A new 24-hex id in MongoDB ObjectId form, as Webflow uses for sites, items, workspaces. */
    public static String objectId() {
        byte[] bytes = new byte[12];
        int seconds = (int) Instant.now().getEpochSecond();
        bytes[0] = (byte) (seconds >>> 24);
        bytes[1] = (byte) (seconds >>> 16);
        bytes[2] = (byte) (seconds >>> 8);
        bytes[3] = (byte) seconds;
        System.arraycopy(PROCESS_UNIQUE, 0, bytes, 4, 5);
        int count = COUNTER.getAndIncrement();
        bytes[9] = (byte) (count >>> 16);
        bytes[10] = (byte) (count >>> 8);
        bytes[11] = (byte) count;
        return HEX.formatHex(bytes);
    }

    /** A new 32-hex id, the form Webflow uses for collection field ids. */
    public static String fieldId() {
        return HEX.formatHex(randomBytes(16));
    }

    /** True when {@code value} has the 24 lowercase-hex form of an object id. */
    public static boolean isObjectId(String value) {
        if (value == null || value.length() != 24) {
            return false;
        }
        for (int i = 0; i < 24; i++) {
            char c = value.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
