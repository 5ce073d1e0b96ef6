package dev.weft.system;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Whether a URL's host is this machine: where plain http is allowed (OAuth redirect URIs, webhook URLs). */
public final class LoopbackHosts {

    private LoopbackHosts() {}

    /** {@code localhost} or a literal loopback address (127.0.0.0/8, [::1]); names are never resolved here. */
    public static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!h.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
