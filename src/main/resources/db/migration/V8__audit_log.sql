-- A site's audit log (issue 5): credentials generated, rotated, retired, revoked, expired, reported leaked;
-- apps authorized and revoked; scopes changed. No foreign key to the tokens: an entry outlives what it is
-- about. It goes with its site.
create table site_audit_events (
    id              varchar(24)   primary key,
    site_id         varchar(24)   not null references sites (id) on delete cascade,
    at              timestamp with time zone not null,
    action          varchar(40)   not null,
    actor_user_id   varchar(24),
    actor_label     varchar(40),
    client_address  varchar(64),
    subject_id      varchar(24),
    subject_label   varchar(200),
    detail          varchar(2000)
);
create index site_audit_events_site_at on site_audit_events (site_id, at, id);
