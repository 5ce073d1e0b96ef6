package dev.weft.oauth;

/** An app request that cannot be carried out; the message is safe to show the developer. */
public class AppException extends RuntimeException {
    public AppException(String message) {
        super(message);
    }
}
