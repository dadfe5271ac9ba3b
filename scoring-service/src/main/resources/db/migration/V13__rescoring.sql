-- Re-scoring: a newer scorer version scores past answers again. The earlier automated score stays (its events were
-- published and its figures may have been read) but is marked superseded; read paths take the current one.
alter table answer_score add column superseded_at timestamptz;
alter table answer_score drop constraint answer_score_answer_id_scorer_key;
create unique index answer_score_current on answer_score (answer_id, scorer_kind) where superseded_at is null;

-- An admin's re-scoring run, worked through in chunks by the scheduler; the cursor makes it survive a restart.
create table rescoring_job (
    id             uuid         primary key,
    requested_by   varchar(100) not null,
    tenant         varchar(64),
    from_scorer    varchar(200),
    submitted_from timestamptz,
    submitted_to   timestamptz,
    scorers_from   text         not null,
    scorer_to      varchar(200) not null,
    status         varchar(20)  not null,
    total          int          not null,
    done           int          not null,
    failed         int          not null,
    last_error     text,
    cursor_answer  uuid,
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null,
    finished_at    timestamptz
);
create index rescoring_job_running on rescoring_job (created_at) where status = 'RUNNING';
