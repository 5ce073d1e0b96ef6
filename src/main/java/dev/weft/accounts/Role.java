package dev.weft.accounts;

import java.util.Locale;

/** A user's role in a workspace. Owners and admins administer its sites (API access, apps). */
public enum Role {
    OWNER,
    ADMIN,
    MEMBER;

    /** True for owners and admins: they may see and act in a site's API Access section. */
    public boolean administersSites() {
        return this != MEMBER;
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
