package dev.weft.oauth;

/** An app with a client secret just issued: the only moment the secret exists outside the developer's hands. */
public record RegisteredApp(App app, String clientSecret) {
    @Override
    public String toString() {
        return "RegisteredApp[app=" + app.id() + ", clientSecret=<redacted>]";
    }
}
