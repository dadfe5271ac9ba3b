create table rubric (
    id         uuid         primary key,
    tenant     varchar(64),
    slug       varchar(120) not null,
    version    int          not null,
    title      varchar(200) not null,
    created_at timestamptz  not null
);
create unique index rubric_slug_version on rubric (coalesce(tenant, ''), slug, version);
