-- Webhooks (dev.debrief.session.webhooks): a firm's endpoints, the deliveries owed to them and every attempt.
-- The secret is kept as given (whsec_<base64>): signing needs the key itself, not a hash of it. During a
-- rotation's overlap the previous secret signs too, until previous_secret_expires_at.
create table webhook_endpoint (
    id                         uuid          primary key,
    tenant                     varchar(64)   not null,
    url                        varchar(2000) not null,
    description                varchar(200),
    event_types                varchar(2000) not null,
    enabled                    boolean       not null,
    secret                     varchar(200)  not null,
    previous_secret            varchar(200),
    previous_secret_expires_at timestamptz,
    created_by                 varchar(64)   not null,
    created_at                 timestamptz   not null,
    updated_at                 timestamptz   not null
);
create index webhook_endpoint_tenant on webhook_endpoint (tenant);

-- One event owed to one endpoint. The schedule is persisted (next_attempt_at), so it survives a restart;
-- a dispatcher claims a due row by pushing next_attempt_at past a lease, so two replicas never send it at once.
create table webhook_delivery (
    id               uuid          primary key,
    endpoint_id      uuid          not null references webhook_endpoint (id) on delete cascade,
    tenant           varchar(64)   not null,
    event_id         varchar(64)   not null,
    event_type       varchar(100)  not null,
    payload          text          not null,
    status           varchar(20)   not null,
    attempts         int           not null default 0,
    window_start     timestamptz   not null,
    next_attempt_at  timestamptz,
    last_status_code int,
    created_at       timestamptz   not null,
    delivered_at     timestamptz,
    unique (endpoint_id, event_id)
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_endpoint on webhook_delivery (endpoint_id, created_at);

-- Every attempt at a delivery: when, how long, what the endpoint answered (or why no answer came).
create table webhook_delivery_attempt (
    id           bigint        generated always as identity primary key,
    delivery_id  uuid          not null references webhook_delivery (id) on delete cascade,
    attempted_at timestamptz   not null,
    duration_ms  bigint        not null,
    status_code  int,
    error        varchar(500),
    manual       boolean       not null
);
create index webhook_delivery_attempt_delivery on webhook_delivery_attempt (delivery_id, attempted_at);
