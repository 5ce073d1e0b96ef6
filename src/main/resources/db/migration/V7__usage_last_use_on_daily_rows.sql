-- The last use moves onto the daily usage row of its day, so one flush writes one row per token and day
-- instead of two (issue 3's benchmark: the usage flush was the largest cost of a valid-token request after
-- the request itself). token_last_use's rows are carried over, then it is dropped.
-- (V6 is left to the OAuth authorization server's own tables.)
alter table token_usage_daily add column last_used_at timestamp with time zone;
alter table token_usage_daily add column client_address varchar(64);
alter table token_usage_daily add column user_agent varchar(256);

-- A token's last use belongs to its latest day with counts (counts and last uses were flushed together) ...
update token_usage_daily
set last_used_at = (select l.used_at from token_last_use l where l.token_id = token_usage_daily.token_id),
    client_address = (select l.client_address from token_last_use l where l.token_id = token_usage_daily.token_id),
    user_agent = (select l.user_agent from token_last_use l where l.token_id = token_usage_daily.token_id)
where exists (select 1 from token_last_use l where l.token_id = token_usage_daily.token_id)
  and usage_day = (select max(d.usage_day) from token_usage_daily d where d.token_id = token_usage_daily.token_id);

-- ... or to a row of its own day when no counts were written for the token.
insert into token_usage_daily (token_id, usage_day, requests, status_2xx, status_3xx, status_4xx, status_5xx,
                               last_used_at, client_address, user_agent)
select l.token_id, cast(l.used_at at time zone 'UTC' as date), 0, 0, 0, 0, 0, l.used_at, l.client_address, l.user_agent
from token_last_use l
where not exists (select 1 from token_usage_daily d where d.token_id = l.token_id);

drop table token_last_use;
