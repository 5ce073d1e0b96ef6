-- Weft schema, version 1. One portable set of migrations for H2 and PostgreSQL.
-- Times are UTC instants at millisecond precision.

create table users (
    id              varchar(24)  primary key,
    email           varchar(320) not null,
    password_hash   varchar(100) not null,
    first_name      varchar(100) not null,
    last_name       varchar(100) not null,
    created_at      timestamp with time zone not null,
    constraint users_email_unique unique (email)
);

create table workspaces (
    id              varchar(24)  primary key,
    name            varchar(100) not null,
    created_at      timestamp with time zone not null
);

create table workspace_members (
    workspace_id    varchar(24)  not null references workspaces (id) on delete cascade,
    user_id         varchar(24)  not null references users (id) on delete cascade,
    role            varchar(10)  not null,
    created_at      timestamp with time zone not null,
    primary key (workspace_id, user_id),
    constraint workspace_members_role check (role in ('owner', 'admin', 'member'))
);
create index workspace_members_user on workspace_members (user_id);

create table sites (
    id              varchar(24)  primary key,
    workspace_id    varchar(24)  not null references workspaces (id),
    name            varchar(100) not null,
    short_name      varchar(63)  not null,
    time_zone       varchar(64)  not null,
    template        varchar(40)  not null,
    database_id     varchar(24)  not null,
    created_at      timestamp with time zone not null,
    last_updated    timestamp with time zone not null,
    last_published  timestamp with time zone,
    constraint sites_short_name_unique unique (short_name)
);
create index sites_workspace on sites (workspace_id);

create table cms_collections (
    id              varchar(24)  primary key,
    site_id         varchar(24)  not null references sites (id) on delete cascade,
    name            varchar(100) not null,
    singular_name   varchar(100) not null,
    slug            varchar(100) not null,
    created_at      timestamp with time zone not null,
    last_updated    timestamp with time zone not null,
    constraint cms_collections_slug_unique unique (site_id, slug)
);

create table cms_fields (
    id              varchar(32)  primary key,
    collection_id   varchar(24)  not null references cms_collections (id) on delete cascade,
    position        integer      not null,
    slug            varchar(100) not null,
    name            varchar(100) not null,
    type            varchar(30)  not null,
    required        boolean      not null,
    editable        boolean      not null,
    help_text       varchar(500),
    validations     varchar(2000),
    constraint cms_fields_slug_unique unique (collection_id, slug)
);

create table cms_items (
    id              varchar(24)  primary key,
    collection_id   varchar(24)  not null references cms_collections (id) on delete cascade,
    slug            varchar(256) not null,
    field_data      varchar(100000) not null,
    is_draft        boolean      not null,
    is_archived     boolean      not null,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    published_at    timestamp with time zone,
    constraint cms_items_slug_unique unique (collection_id, slug)
);

-- Site API tokens. Only a keyed digest (HMAC-SHA256 with a pepper kept outside the database) is
-- stored, never the token. active_site_id equals site_id while the token is the site's current one
-- and is null once it is revoked: the unique constraint keeps at most one live token per site.
create table site_tokens (
    id              varchar(24)  primary key,
    site_id         varchar(24)  not null references sites (id) on delete cascade,
    active_site_id  varchar(24),
    digest          varchar(64)  not null,
    hint            varchar(40)  not null,
    created_by      varchar(24)  not null references users (id),
    created_at      timestamp with time zone not null,
    last_used_at    timestamp with time zone,
    revoked_at      timestamp with time zone,
    revoked_reason  varchar(40),
    constraint site_tokens_digest_unique unique (digest),
    constraint site_tokens_one_active unique (active_site_id)
);
create index site_tokens_site on site_tokens (site_id);
