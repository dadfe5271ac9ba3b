-- One candidate's mock interview. version is the ETag; last_seq numbers the session's timeline and is
-- bumped with a row lock (update ... returning), so sequence numbers are gapless and follow commit order.
create table interview_session (
    id               uuid         primary key,
    tenant           varchar(64),
    candidate        varchar(64)  not null,
    candidate_name   varchar(120),
    coach            varchar(64),
    coach_name       varchar(120),
    mode             varchar(20)  not null,
    loop_slug        varchar(120),
    status           varchar(20)  not null,
    current_index    int          not null default -1,
    version          bigint       not null default 0,
    last_seq         bigint       not null default 0,
    created_at       timestamptz  not null,
    started_at       timestamptz,
    paused_at        timestamptz,
    ended_at         timestamptz,
    last_activity_at timestamptz  not null
);
create index interview_session_candidate on interview_session (candidate);
create index interview_session_coach on interview_session (coach);
create index interview_session_tenant on interview_session (tenant);
create index interview_session_live on interview_session (status, last_activity_at);

-- A round of the session: its budget and its server-side stopwatch.
create table session_round (
    id               uuid         primary key,
    session_id       uuid         not null references interview_session (id),
    position         int          not null,
    name             varchar(200) not null,
    round_type       varchar(60),
    budget_seconds   int          not null,
    active_millis    bigint       not null default 0,
    running_since    timestamptz,
    started_at       timestamptz,
    completed_at     timestamptz,
    unique (session_id, position)
);

-- A question as snapshotted from the catalog at creation, with its stopwatch.
create table session_question (
    id               uuid         primary key,
    session_id       uuid         not null references interview_session (id),
    idx              int          not null,
    round_position   int          not null,
    question_id      uuid         not null,
    question_version int          not null,
    snapshot         text         not null,
    asked_at         timestamptz,
    active_millis    bigint       not null default 0,
    running_since    timestamptz,
    finished_at      timestamptz,
    overtime_seconds bigint,
    auto_fired       int          not null default 0,
    -- when the next self-practice interjection falls due on the running clock (null: none pending)
    next_auto_at     timestamptz,
    unique (session_id, idx)
);
create index session_question_auto on session_question (next_auto_at) where next_auto_at is not null;

-- The candidate's answer to one question: drafts overwrite it, one final submission freezes it.
create table answer (
    id               uuid         primary key,
    session_id       uuid         not null references interview_session (id),
    question_idx     int          not null,
    format           varchar(30)  not null,
    text             text,
    structured       text,
    draft_revision   int          not null default 0,
    updated_at       timestamptz  not null,
    submitted_at     timestamptz,
    elapsed_seconds  bigint,
    unique (session_id, question_idx)
);

-- Scores that arrived from scoring-service for an answer.
create table answer_score (
    score_id         uuid         primary key,
    answer_id        uuid         not null references answer (id),
    session_id       uuid         not null,
    payload          text         not null,
    received_at      timestamptz  not null
);
create index answer_score_answer on answer_score (answer_id);

-- Everything that happened in a session, numbered: the source of playback, transcripts and the live push.
create table timeline_entry (
    session_id       uuid         not null references interview_session (id),
    seq              bigint       not null,
    type             varchar(60)  not null,
    actor            varchar(120) not null,
    at               timestamptz  not null,
    data             text         not null,
    primary key (session_id, seq)
);
