-- A session's panel: coaches of the firm who score it besides its coach (SessionScope in service-kit).
create table session_panelist (
    session_id uuid        not null references interview_session (id) on delete cascade,
    coach      varchar(64) not null,
    primary key (session_id, coach)
);
create index session_panelist_coach on session_panelist (coach);
