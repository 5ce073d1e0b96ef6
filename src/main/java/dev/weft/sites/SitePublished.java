package dev.weft.sites;

import java.time.Instant;
import java.util.List;

/**
 * Published, inside the publishing transaction, when a site has been published: its CMS then publishes every
 * item that is not a draft or archived, and webhooks with trigger {@code site_publish} are queued.
 *
 * @param domains the hosts published to (custom domains and/or the site's own subdomain)
 * @param publishedBy display name of the dashboard user who published, or null when an API token did
 */
public record SitePublished(String siteId, String workspaceId, Instant at, List<String> domains, String publishedBy) {}
