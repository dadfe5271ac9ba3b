-- Rubrics are versioned data: a changed definition is a new version, old versions stay for old scores.
alter table rubric add column description  text;
alter table rubric add column applies_to   text not null default '[]';
alter table rubric add column definition   text not null default '{"dimensions":[]}';
alter table rubric add column content_hash varchar(64) not null default '';

-- Every submitted answer we were told about: the unit the scorer and the coaches judge.
create table answer (
    answer_id        uuid         primary key,
    session_id       uuid         not null,
    tenant           varchar(64),
    candidate        varchar(100) not null,
    question_id      uuid,
    question_version int          not null,
    category         varchar(60),
    rubric_slug      varchar(120) not null,
    answer_format    varchar(30),
    prompt           text,
    text             text         not null,
    round_position   int          not null,
    submitted_at     timestamptz  not null
);
create index answer_session on answer (session_id);
create index answer_candidate on answer (candidate, submitted_at);

-- One scorer's levels for one answer; dimensions and the SQL report are JSON documents.
create table answer_score (
    id             uuid          primary key,
    answer_id      uuid          not null references answer (answer_id),
    session_id     uuid          not null,
    tenant         varchar(64),
    candidate      varchar(100)  not null,
    rubric_slug    varchar(120)  not null,
    rubric_version int           not null,
    scorer         varchar(100)  not null,
    scorer_kind    varchar(20)   not null,
    overall        numeric(4, 2) not null,
    dimensions     text          not null,
    sql_report     text,
    scored_at      timestamptz   not null,
    unique (answer_id, scorer)
);
create index answer_score_session on answer_score (session_id);
create index answer_score_tenant on answer_score (tenant, scored_at);

-- A coach's scorecard for one round; every edit is a new row in scorecard_version.
create table scorecard (
    id              uuid         primary key,
    tenant          varchar(64),
    session_id      uuid         not null,
    round_position  int          not null,
    candidate       varchar(100) not null,
    scorer          varchar(100) not null,
    scorer_name     varchar(100),
    rubric_slug     varchar(120) not null,
    rubric_version  int          not null,
    current_version int          not null,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null,
    unique (session_id, round_position, scorer)
);
create index scorecard_tenant on scorecard (tenant, updated_at);

create table scorecard_version (
    scorecard_id   uuid         not null references scorecard (id),
    version        int          not null,
    recommendation varchar(20)  not null,
    dimensions     text         not null,
    notes          text,
    created_at     timestamptz  not null,
    primary key (scorecard_id, version)
);

-- The debrief of a finished session, as published.
create table debrief (
    session_id   uuid         primary key,
    tenant       varchar(64),
    candidate    varchar(100) not null,
    document     text         not null,
    debriefed_at timestamptz  not null
);
