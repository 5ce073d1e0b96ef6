package dev.weft.accounts;

/** A request about accounts that cannot be carried out; the message is safe to show the user. */
public class AccountException extends RuntimeException {
    public AccountException(String message) {
        super(message);
    }
}
