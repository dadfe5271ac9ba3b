create table question (
    id         uuid         primary key,
    tenant     varchar(64),
    slug       varchar(120) not null,
    title      varchar(200) not null,
    prompt     text         not null,
    created_at timestamptz  not null
);
create unique index question_slug_per_tenant on question (coalesce(tenant, ''), slug);
