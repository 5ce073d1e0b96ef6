-- The authorization server's requests in flight: from the consent page to the code exchange. One row per
-- authorization request (id = Spring Authorization Server's authorization id). The consent state and the
-- authorization code are stored only as keyed digests (HMAC-SHA256 with the token pepper), never in clear.
-- When the user allows, the row points at the oauth_authorizations row it created; it stays as long as that
-- authorization does, so a code used twice is recognised and revokes what it issued (RFC 9700).
create table oauth_authorization_requests (
    id                    varchar(36)    primary key,
    app_id                varchar(24)    not null references oauth_apps (id) on delete cascade,
    user_id               varchar(24)    not null references users (id) on delete cascade,
    authorization_id      varchar(24)    references oauth_authorizations (id) on delete cascade,
    redirect_uri          varchar(2000),
    scopes                varchar(2000)  not null,
    client_state          varchar(1000),
    code_challenge        varchar(128),
    code_challenge_method varchar(10),
    targets               varchar(20000),
    consent_state_digest  varchar(64),
    code_digest           varchar(64),
    code_issued_at        timestamp with time zone,
    code_expires_at       timestamp with time zone,
    code_used_at          timestamp with time zone,
    created_at            timestamp with time zone not null,
    constraint oauth_requests_consent_unique unique (consent_state_digest),
    constraint oauth_requests_code_unique unique (code_digest)
);
create index oauth_requests_created on oauth_authorization_requests (created_at);
create index oauth_requests_authorization on oauth_authorization_requests (authorization_id);
create index oauth_requests_app on oauth_authorization_requests (app_id);
