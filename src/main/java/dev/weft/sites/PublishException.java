package dev.weft.sites;

import java.util.List;

/** A publish that was refused: unknown domains, nothing to publish to, or too soon after the last one. */
public class PublishException extends RuntimeException {

    public enum Kind { UNKNOWN_DOMAINS, NO_TARGET, TOO_SOON }

    private final Kind kind;
    private final List<String> unknownDomains;
    private final long retryAfterSeconds;

    private PublishException(Kind kind, String message, List<String> unknownDomains, long retryAfterSeconds) {
        super(message, null, false, false);
        this.kind = kind;
        this.unknownDomains = List.copyOf(unknownDomains);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    static PublishException unknownDomains(List<String> unknown) {
        return new PublishException(Kind.UNKNOWN_DOMAINS, "Requested an invalid Domain: " + String.join(", ", unknown)
                + " is not a domain of this site", unknown, 0);
    }

    static PublishException noTarget(String message) {
        return new PublishException(Kind.NO_TARGET, message, List.of(), 0);
    }

    static PublishException tooSoon(long retryAfterSeconds) {
        return new PublishException(Kind.TOO_SOON, "Too Many Requests: a site can be published once a minute, retry after "
                + retryAfterSeconds + " seconds", List.of(), retryAfterSeconds);
    }

    public Kind kind() {
        return kind;
    }

    /** The domain ids (v2) or names (v1) that are not the site's. */
    public List<String> unknownDomains() {
        return unknownDomains;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
