-- Leaked-credential reports (issue 5, POST /credentials/revoke): one row per credential a report revoked (or,
-- for an app's client secret, flagged), with the reporter's address and note. Never the credential itself: the
-- row names it by id and by a label made of its hint (and its app's name). No foreign key to the credential: a
-- report outlives it.
create table leak_reports (
    id               varchar(24)   primary key,
    reported_at      timestamp with time zone not null,
    client_address   varchar(64)   not null,
    note             varchar(1000),
    credential_kind  varchar(20)   not null,
    credential_id    varchar(24)   not null,
    credential_label varchar(200)  not null,
    workspace_id     varchar(24)   references workspaces (id) on delete cascade,
    constraint leak_reports_kind check (credential_kind in ('site_token', 'app_token', 'client_secret'))
);
create index leak_reports_workspace on leak_reports (workspace_id, reported_at);

-- The sites a reported credential reached when it was revoked: a site token its own site, an app token every
-- site its grant reached. A site's owners see the reports on its Integrations page.
create table leak_report_sites (
    report_id        varchar(24)   not null references leak_reports (id) on delete cascade,
    site_id          varchar(24)   not null references sites (id) on delete cascade,
    primary key (report_id, site_id)
);
create index leak_report_sites_site on leak_report_sites (site_id);
