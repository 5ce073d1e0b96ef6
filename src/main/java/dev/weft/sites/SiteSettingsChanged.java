package dev.weft.sites;

/** Published when a site's settings that API callers see (its rate limit) have changed. */
public record SiteSettingsChanged(String siteId) {}
