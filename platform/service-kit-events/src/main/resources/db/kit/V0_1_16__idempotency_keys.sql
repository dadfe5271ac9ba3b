-- The kept answers of POST requests sent with an Idempotency-Key (dev.debrief.kit.http), per caller, for a day.
create table idempotency_key (
    caller       varchar(255) not null,
    key          varchar(255) not null,
    fingerprint  char(64)     not null,
    status       int,
    content_type varchar(255),
    body         bytea,
    location     varchar(2048),
    etag         varchar(255),
    created_at   timestamptz  not null,
    primary key (caller, key)
);
create index idempotency_key_created on idempotency_key (created_at);
