-- The SQL sandbox's fixture, in the sandbox's own database (debrief_sandbox), loaded by the service's role (which
-- owns that database): a dataset with the traps the interview guides name (duplicate play rows, test accounts,
-- members on several devices, two titles sharing a name). The login role debrief_sandbox, which the superuser
-- created with nothing (see SandboxDatabase in platform/contracts), gets USAGE on the schema and SELECT on the four
-- tables: nothing else, not even this migration tool's history table.

create schema if not exists scoring_fixture;

create table scoring_fixture.titles (
    title_id    int          primary key,
    name        varchar(100) not null,
    genre       varchar(40)  not null,
    is_original boolean      not null,
    released_on date         not null
);

create table scoring_fixture.members (
    member_id       int         primary key,
    country         char(2)     not null,
    plan            varchar(20) not null,
    signup_date     date        not null,
    is_test_account boolean     not null
);

create table scoring_fixture.sessions (
    session_id int         primary key,
    member_id  int         not null references scoring_fixture.members (member_id),
    device     varchar(20) not null,
    started_at timestamptz not null
);

-- No primary key on purpose: re-ingested plays appear twice with the same play_id.
create table scoring_fixture.plays (
    play_id         int         not null,
    session_id      int         not null,
    member_id       int         not null,
    title_id        int         not null,
    started_at      timestamptz not null,
    seconds_watched int         not null
);

insert into scoring_fixture.titles
select i,
       case when i = 40 then 'Title 07' else 'Title ' || lpad(i::text, 2, '0') end,
       (array['drama', 'comedy', 'documentary', 'kids', 'thriller'])[1 + i % 5],
       i % 3 = 0,
       date '2020-01-01' + (i * 37)
from generate_series(1, 40) as i;

insert into scoring_fixture.members
select i,
       (array['US', 'BR', 'DE', 'IN', 'JP'])[1 + i % 5],
       (array['basic', 'standard', 'premium'])[1 + (i * 7) % 3],
       date '2024-11-01' + ((i * 13) % 120),
       i % 17 = 0
from generate_series(1, 200) as i;

-- Members whose id is a multiple of 3 watch on several devices; the rest stay on one.
insert into scoring_fixture.sessions
select s,
       1 + (s * 7) % 200,
       case when (1 + (s * 7) % 200) % 3 = 0
            then (array['tv', 'mobile', 'web', 'tablet'])[1 + s % 4]
            else (array['tv', 'mobile', 'web', 'tablet'])[1 + (1 + (s * 7) % 200) % 4] end,
       date_trunc('hour', now()) - make_interval(days => s % 45, hours => s % 24)
from generate_series(1, 900) as s;

insert into scoring_fixture.plays
select p,
       1 + p % 900,
       1 + ((1 + p % 900) * 7) % 200,
       case when (1 + ((1 + p % 900) * 7) % 200) % 17 = 0 then 5 else 1 + (p * 11) % 40 end,
       date_trunc('hour', now()) - make_interval(days => (1 + p % 900) % 45, hours => (1 + p % 900) % 24)
           + make_interval(mins => p % 50),
       60 + (p * 97) % 5400
from generate_series(1, 2400) as p;

-- The duplicate trap: every 20th play was ingested twice.
insert into scoring_fixture.plays
select * from scoring_fixture.plays where play_id % 20 = 0;

grant usage on schema scoring_fixture to debrief_sandbox;
grant select on scoring_fixture.titles, scoring_fixture.members, scoring_fixture.sessions, scoring_fixture.plays
    to debrief_sandbox;
