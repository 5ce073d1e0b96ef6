package dev.weft.api;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Absolute URLs Weft hands out (previewUrl): from {@code weft.public-url} when set, else from the request.
 * They never carry a token.
 */
@Component
class PublicUrls {

    private final String configured;

    PublicUrls(@Value("${weft.public-url:}") String configured) {
        this.configured = configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
    }

    String preview(String siteId) {
        return base() + "/previews/" + siteId + ".svg";
    }

    private String base() {
        return configured.isEmpty() ? ServletUriComponentsBuilder.fromCurrentContextPath().toUriString() : configured;
    }
}
