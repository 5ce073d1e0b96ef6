package dev.weft.oauth.server;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The address of the client whose request is being handled, for the audit log. The authorization server's
 * providers and its authorization service are called deep inside Spring Authorization Server's filters, with no
 * request in their signatures; Spring's request context (bound for every request before the security filters
 * run) holds it. Null outside a request.
 */
final class ClientAddress {

    private ClientAddress() {}

    static String current() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest().getRemoteAddr()
                : null;
    }
}
