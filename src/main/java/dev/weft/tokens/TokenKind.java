package dev.weft.tokens;

/** The kinds of secret Weft issues, each with its own typed prefix so a leak is recognisable. */
public enum TokenKind {
    /** A site API token: the guide's per-site token, standing in for a password. */
    SITE("weft_site_"),
    /** An OAuth access token issued to an app. */
    APP("weft_app_"),
    /** An OAuth app's client secret. */
    CLIENT_SECRET("weft_cs_");

    private final String prefix;

    TokenKind(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }
}
