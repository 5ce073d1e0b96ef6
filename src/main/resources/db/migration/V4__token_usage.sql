-- Usage of every credential (site tokens now, app tokens later): requests per day by status class, and
-- the last use. Written in batches from memory, never on the request path.
create table token_usage_daily (
    token_id        varchar(24) not null,
    usage_day       date        not null,
    requests        bigint      not null,
    status_2xx      bigint      not null,
    status_3xx      bigint      not null,
    status_4xx      bigint      not null,
    status_5xx      bigint      not null,
    primary key (token_id, usage_day)
);

create table token_last_use (
    token_id        varchar(24)  primary key,
    used_at         timestamp with time zone not null,
    client_address  varchar(64)  not null,
    user_agent      varchar(256) not null
);

-- Last use now lives in token_last_use.
alter table site_tokens drop column last_used_at;
