package dev.weft.sites;

/** Published, inside the creating transaction, when a site has been made from a template. */
public record SiteCreated(Site site, Template template) {}
