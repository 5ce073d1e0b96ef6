-- A site's own API rate limit (requests per minute per token); null = the configured default.
alter table sites add column rate_limit integer;
