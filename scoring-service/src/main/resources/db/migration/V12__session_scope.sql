-- Who takes part in each session, as session-service's events say (session.created, session.panel-changed):
-- the one access rule (SessionScope) needs the session's coach and panel, not only its candidate.
create table session_scope (
    session_id uuid         primary key,
    tenant     varchar(64),
    candidate  varchar(100) not null,
    coach      varchar(100),
    panel_at   timestamptz
);

create table session_panelist (
    session_id uuid         not null references session_scope (session_id) on delete cascade,
    coach      varchar(100) not null,
    primary key (session_id, coach)
);
