-- The question aggregate: identity, owner, lifecycle, and the CURRENT version's fields denormalised
-- so that listing, faceting and full-text search read one narrow table (no join, no JSON parsing).
create table question (
    id                  uuid         primary key,
    tenant              varchar(64),
    slug                varchar(120) not null,
    status              varchar(16)  not null,
    version             integer      not null,
    title               varchar(200) not null,
    prompt              text         not null,
    category            varchar(32)  not null,
    role                varchar(32)  not null,
    levels              text[]       not null default '{}',
    company             varchar(80),
    round_type          varchar(32)  not null,
    competencies        text[]       not null default '{}',
    tags                text[]       not null default '{}',
    difficulty          varchar(16)  not null,
    time_budget_seconds integer      not null,
    answer_format       varchar(32)  not null,
    rubric              varchar(64)  not null,
    -- follow-up prompts and tags as plain text, written by the application, so the vector below stays a
    -- generated column (array_to_string is not immutable)
    search_extra        text         not null default '',
    search              tsvector generated always as (
                            setweight(to_tsvector('english'::regconfig, title), 'A') ||
                            setweight(to_tsvector('english'::regconfig, prompt), 'B') ||
                            setweight(to_tsvector('english'::regconfig, search_extra), 'C')) stored,
    created_at          timestamptz  not null,
    updated_at          timestamptz  not null,
    created_by          varchar(100),
    row_version         bigint       not null default 0
);
create unique index question_slug_per_tenant on question (coalesce(tenant, ''), slug);
create index question_search on question using gin (search);
create index question_levels on question using gin (levels);
create index question_competencies on question using gin (competencies);
create index question_tags on question using gin (tags);
create index question_category_title on question (category, title, id);
create index question_role_title on question (role, title, id);
create index question_company on question (company);
create index question_round_type on question (round_type);
create index question_difficulty on question (difficulty);
create index question_title on question (title, id);
create index question_updated on question (updated_at, id);

-- Every version of a question, immutable once written: the whole content as JSON.
create table question_version (
    question_id uuid         not null references question (id),
    version     integer      not null,
    status      varchar(16)  not null,
    content     jsonb        not null,
    created_at  timestamptz  not null,
    created_by  varchar(100),
    primary key (question_id, version)
);

-- A loop: the ordered rounds of a company/role interview process, public or a firm's own.
create table loop (
    id          uuid         primary key,
    tenant      varchar(64),
    slug        varchar(120) not null,
    version     integer      not null,
    title       varchar(200) not null,
    company     varchar(80),
    role        varchar(32)  not null,
    description text,
    rounds      jsonb        not null,
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null,
    row_version bigint       not null default 0
);
create unique index loop_slug_per_tenant on loop (coalesce(tenant, ''), slug);
