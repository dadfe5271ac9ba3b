create table interview_session (
    id         uuid         primary key,
    tenant     varchar(64),
    candidate  varchar(64)  not null,
    status     varchar(20)  not null,
    created_at timestamptz  not null
);
create index interview_session_candidate on interview_session (candidate);
