-- An app's authorization by a user: the scopes granted and what they reach. One access token per
-- authorization (Webflow's tokens live until revoked), stored only as a keyed digest like site tokens.
-- token_digest is null until the authorization code is exchanged.
create table oauth_authorizations (
    id              varchar(24)   primary key,
    app_id          varchar(24)   not null references oauth_apps (id) on delete cascade,
    user_id         varchar(24)   not null references users (id) on delete cascade,
    scopes          varchar(2000) not null,
    token_digest    varchar(64),
    token_hint      varchar(40),
    created_at      timestamp with time zone not null,
    revoked_at      timestamp with time zone,
    revoked_reason  varchar(40),
    constraint oauth_authorizations_digest_unique unique (token_digest)
);
create index oauth_authorizations_app on oauth_authorizations (app_id);
create index oauth_authorizations_user on oauth_authorizations (user_id);

-- What an authorization reaches: whole workspaces (every site in them, also sites created later) and
-- single sites, picked on the consent page. A site revoked from the site's Integrations page is kept as a
-- row with excluded = true, so a workspace grant stops reaching that site only.
create table oauth_grants (
    authorization_id varchar(24) not null references oauth_authorizations (id) on delete cascade,
    target_type      varchar(10) not null,
    target_id        varchar(24) not null,
    excluded         boolean     not null,
    created_at       timestamp with time zone not null,
    primary key (authorization_id, target_type, target_id),
    constraint oauth_grants_target_type check (target_type in ('workspace', 'site'))
);
create index oauth_grants_target on oauth_grants (target_type, target_id);
