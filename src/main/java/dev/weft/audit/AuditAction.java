package dev.weft.audit;

/** What an audit event records. Stored by {@link #value()}; never rename a value. */
public enum AuditAction {
    TOKEN_GENERATED("token.generated", "Token generated"),
    TOKEN_ROTATED("token.rotated", "Token rotated"),
    TOKEN_RETIRED("token.retired", "Old token retired"),
    TOKEN_REVOKED("token.revoked", "Token revoked"),
    TOKEN_EXPIRED("token.expired", "Token expired"),
    TOKEN_REPORTED_LEAKED("token.reported_leaked", "Token reported leaked and revoked"),
    APP_AUTHORIZED("app.authorized", "App authorized"),
    APP_REVOKED("app.revoked", "App revoked"),
    SCOPES_CHANGED("scopes.changed", "Scopes changed");

    private final String value;
    private final String label;

    AuditAction(String value, String label) {
        this.value = value;
        this.label = label;
    }

    public String value() {
        return value;
    }

    public String label() {
        return label;
    }

    public static AuditAction of(String value) {
        for (AuditAction a : values()) {
            if (a.value.equals(value)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown audit action " + value);
    }
}
