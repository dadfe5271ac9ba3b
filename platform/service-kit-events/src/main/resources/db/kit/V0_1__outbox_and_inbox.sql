-- Transactional outbox: an event row commits with the state change it describes; the relay
-- publishes rows in seq order and stamps published_at.
create table outbox_event (
    seq          bigserial    primary key,
    event_id     uuid         not null unique,
    topic        varchar(200) not null,
    message_key  varchar(200) not null,
    event_type   varchar(200) not null,
    payload      text         not null,
    created_at   timestamptz  not null,
    published_at timestamptz
);
create index outbox_event_unpublished on outbox_event (seq) where published_at is null;

-- Inbox: the ids of events a consumer has applied, so a redelivered event changes nothing.
create table processed_event (
    event_id     varchar(100) not null,
    consumer     varchar(100) not null,
    processed_at timestamptz  not null,
    primary key (event_id, consumer)
);
