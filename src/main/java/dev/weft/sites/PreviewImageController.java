package dev.weft.sites;

import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.util.HtmlUtils;

/** Serves each site's preview image, the {@code previewUrl} of the API's site objects. */
@Controller
class PreviewImageController {

    private final SiteService sites;
    private final Templates templates;

    PreviewImageController(SiteService sites, Templates templates) {
        this.sites = sites;
        this.templates = templates;
    }

    @GetMapping(value = "/previews/{siteId}.svg", produces = "image/svg+xml")
    ResponseEntity<String> preview(@PathVariable String siteId) {
        return sites.find(siteId)
                .map(site -> ResponseEntity.ok()
                        .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)))
                        .body(svg(site)))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    private String svg(Site site) {
        String accent = templates.find(site.template()).map(Template::accent).orElse("#6b7280");
        String name = HtmlUtils.htmlEscape(site.name());
        return """
                <svg xmlns="http://www.w3.org/2000/svg" width="1280" height="720" viewBox="0 0 1280 720">
                  <rect width="1280" height="720" fill="#f8f7f4"/>
                  <rect width="1280" height="96" fill="%s"/>
                  <text x="64" y="62" font-family="sans-serif" font-size="36" fill="#ffffff">%s</text>
                  <rect x="64" y="160" width="720" height="400" fill="#e5e1d8"/>
                  <rect x="832" y="160" width="384" height="180" fill="#e5e1d8"/>
                  <rect x="832" y="380" width="384" height="180" fill="#e5e1d8"/>
                  <text x="64" y="640" font-family="sans-serif" font-size="28" fill="#374151">%s</text>
                </svg>
                """.formatted(accent, name, HtmlUtils.htmlEscape(site.shortName()));
    }
}
