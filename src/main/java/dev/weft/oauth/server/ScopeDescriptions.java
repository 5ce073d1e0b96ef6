package dev.weft.oauth.server;

import dev.weft.tokens.Scopes;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Webflow's v2 scopes in plain words, for the consent page. */
final class ScopeDescriptions {

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("assets:read", "See the site's assets (images and files)"),
            Map.entry("assets:write", "Upload, change and delete the site's assets"),
            Map.entry("authorized_user:read", "See your name and email address"),
            Map.entry("cms:read", "See the site's CMS collections and items"),
            Map.entry("cms:write", "Create, change and delete CMS collections and items"),
            Map.entry("comments:read", "See comments on the site"),
            Map.entry("comments:write", "Write and resolve comments on the site"),
            Map.entry("components:read", "See the site's components"),
            Map.entry("components:write", "Change the site's components"),
            Map.entry("custom_code:read", "See custom code added to the site"),
            Map.entry("custom_code:write", "Add, change and remove custom code on the site"),
            Map.entry("ecommerce:read", "See products, orders and inventory"),
            Map.entry("ecommerce:write", "Change products, orders and inventory"),
            Map.entry("forms:read", "See forms and their submissions"),
            Map.entry("forms:write", "Change and delete form submissions"),
            Map.entry("pages:read", "See the site's pages"),
            Map.entry("pages:write", "Change the site's pages"),
            Map.entry("site_activity:read", "See the site's activity log"),
            Map.entry("site_config:read", "See the site's settings, such as redirects and robots.txt"),
            Map.entry("site_config:write", "Change the site's settings"),
            Map.entry("sites:read", "See the site: its name, domains and when it was published"),
            Map.entry("sites:write", "Change and publish the site"),
            Map.entry("users:read", "See the site's members (user accounts)"),
            Map.entry("users:write", "Invite, change and remove the site's members"),
            Map.entry("workspace:read", "See the workspace"),
            Map.entry("workspace:write", "Change the workspace"));

    /** One requested scope as the consent page shows it. */
    record Described(String scope, String words) {}

    private ScopeDescriptions() {}

    static List<Described> describe(Collection<String> scopes) {
        return ordered(scopes).stream().map(s -> new Described(s, WORDS.getOrDefault(s, s))).toList();
    }

    /** The scopes in Webflow's canonical order (the order of {@link Scopes#ALL}). */
    static List<String> ordered(Collection<String> scopes) {
        return Scopes.ALL.stream().filter(scopes::contains).toList();
    }
}
