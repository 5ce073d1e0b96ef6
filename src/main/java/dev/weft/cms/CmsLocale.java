package dev.weft.cms;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The cmsLocaleId of a site's primary locale: the same stable derivation as the site's locales in API v2. */
public final class CmsLocale {

    private CmsLocale() {}

    public static String primary(String siteId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((siteId + ":cms-locale").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
