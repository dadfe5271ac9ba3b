-- Per-firm request budgets; firms without a row get the configured default.
create table tenant_plan (
    tenant              varchar(64) primary key,
    requests_per_minute int         not null check (requests_per_minute > 0),
    -- requests allowed at once after a quiet spell; empty means a minute's worth
    burst               int         check (burst > 0),
    updated_at          timestamptz not null
);
