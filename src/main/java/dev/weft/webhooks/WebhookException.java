package dev.weft.webhooks;

/** A webhook registration that was refused; {@code param} names the request field at fault. */
public class WebhookException extends RuntimeException {

    private final String param;

    WebhookException(String param, String message) {
        super(message, null, false, false);
        this.param = param;
    }

    public String param() {
        return param;
    }
}
