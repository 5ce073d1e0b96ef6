package dev.weft.tokens;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * A named site token to create: its name, its access per resource family, and an optional date it expires on
 * (at 00:00 UTC that day).
 */
public record NewSiteToken(String name, Map<ScopeFamily, ScopeFamily.Access> access, LocalDate expiresOn) {

    public NewSiteToken {
        name = name == null ? "" : name.strip();
        access = access == null ? Map.of() : Map.copyOf(access);
    }

    Set<String> scopes() {
        return ScopeFamily.scopes(access);
    }
}
