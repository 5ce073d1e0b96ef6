-- OAuth 2.0 apps registered in a workspace. The client secret is stored only as a keyed digest
-- (HMAC-SHA256 with the token pepper), with a non-secret hint for display.
create table oauth_apps (
    id                  varchar(24)   primary key,
    workspace_id        varchar(24)   not null references workspaces (id) on delete cascade,
    client_id           varchar(64)   not null,
    name                varchar(100)  not null,
    description         varchar(1000) not null,
    homepage            varchar(2000) not null,
    redirect_uris       varchar(20000) not null,
    scopes              varchar(2000) not null,
    secret_digest       varchar(64)   not null,
    secret_hint         varchar(40)   not null,
    secret_created_at   timestamp with time zone not null,
    created_by          varchar(24)   not null references users (id),
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null,
    constraint oauth_apps_client_id_unique unique (client_id)
);
create index oauth_apps_workspace on oauth_apps (workspace_id);
