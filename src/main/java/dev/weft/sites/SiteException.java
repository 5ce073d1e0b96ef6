package dev.weft.sites;

/** A site request that cannot be carried out; the message is safe to show the user. */
public class SiteException extends RuntimeException {
    public SiteException(String message) {
        super(message);
    }
}
