package dev.weft.oauth.server;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import org.springframework.security.web.header.HeaderWriter;

/**
 * The dashboard's Content-Security-Policy for the authorization server's pages, except that the consent page's
 * {@code form-action} also allows the origin of the app's redirect URI: Chromium applies {@code form-action} to
 * the redirect that answers a form post, and the consent form's answer is a redirect to the app. The origin is
 * that of a redirect URI the app registered (checked before the page is shown), rebuilt from its parts.
 */
final class ConsentCsp implements HeaderWriter {

    private static final String ORIGIN = ConsentCsp.class.getName() + ".origin";
    private static final String POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    static void allowFormRedirectTo(HttpServletRequest request, String redirectUri) {
        URI uri = URI.create(redirectUri);
        String host = uri.getHost();
        if (host != null && host.matches("[A-Za-z0-9.\\-\\[\\]:]+") && uri.getScheme().matches("https?")) {
            request.setAttribute(ORIGIN, uri.getScheme() + "://" + host + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
        }
    }

    @Override
    public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
        if (response.containsHeader("Content-Security-Policy")) {
            return;
        }
        Object origin = request.getAttribute(ORIGIN);
        response.setHeader("Content-Security-Policy", origin == null ? POLICY : POLICY + " " + origin);
    }
}
