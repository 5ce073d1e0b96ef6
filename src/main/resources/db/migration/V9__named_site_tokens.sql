-- Issue 5: several named, scoped site tokens per site, expiry, and rotation with an overlap.
--
-- A site token is live while revoked_at is null, and dead for good once it is set (with revoked_reason:
-- regenerated, rotated, revoked, expired, reported_leaked). active_site_id keeps its meaning "the site of a live
-- token" (null once dead), but a site may now have several live tokens, so it is no longer unique. The guide's
-- single token becomes the site's legacy token: token_name is null, it holds every scope, and its row holds
-- legacy_site_id (unique) while it is the site's current legacy token. A token being rotated keeps working until
-- retire_at (the end of its overlap) and gives up legacy_site_id to its successor.
alter table site_tokens drop constraint site_tokens_one_active;
create index site_tokens_active_site on site_tokens (active_site_id);

-- null for the legacy token
alter table site_tokens add column token_name varchar(100);
-- space-separated Webflow v2 scopes; null for the legacy token (every scope)
alter table site_tokens add column scopes varchar(1000);
alter table site_tokens add column legacy_site_id varchar(24);
-- a fixed expiry chosen at creation; null: only the idle expiry (weft.tokens.idle-expiry) applies
alter table site_tokens add column expires_at timestamp with time zone;
-- rotation: when, until when the old token keeps working, its successor's hint, and its requests on the
-- rotation's UTC day up to the rotation (so "calls since the rotation" = requests since that day - this)
alter table site_tokens add column rotated_at timestamp with time zone;
alter table site_tokens add column retire_at timestamp with time zone;
alter table site_tokens add column successor_hint varchar(40);
alter table site_tokens add column requests_at_rotation bigint;
-- who revoked it (revoked_reason = 'revoked')
alter table site_tokens add column revoked_by varchar(24);

update site_tokens set legacy_site_id = site_id where active_site_id is not null and revoked_at is null;
alter table site_tokens add constraint site_tokens_one_legacy unique (legacy_site_id);
create index site_tokens_retire_at on site_tokens (retire_at);
create index site_tokens_expires_at on site_tokens (expires_at);
