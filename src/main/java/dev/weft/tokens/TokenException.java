package dev.weft.tokens;

/** A token request that cannot be carried out (limit reached, bad name, no scope, …); the message is safe to show. */
public class TokenException extends RuntimeException {
    public TokenException(String message) {
        super(message);
    }
}
