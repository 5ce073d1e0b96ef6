package dev.weft.tokens;

import java.util.List;

/** Webflow's v2 OAuth scope names. The guide's (legacy) site token holds every one of them on its site. */
public final class Scopes {

    public static final List<String> ALL = List.of(
            "assets:read", "assets:write", "authorized_user:read", "cms:read", "cms:write", "comments:read",
            "comments:write", "components:read", "components:write", "custom_code:read", "custom_code:write",
            "ecommerce:read", "ecommerce:write", "forms:read", "forms:write", "pages:read", "pages:write",
            "site_activity:read", "site_config:read", "site_config:write", "sites:read", "sites:write",
            "users:read", "users:write", "workspace:read", "workspace:write");

    private Scopes() {}
}
