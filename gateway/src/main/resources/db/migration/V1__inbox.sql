-- Idempotent consumers: the ids of the events each consumer has applied, written with the effect.
create table processed_event (
    event_id     uuid not null,
    consumer     text not null,
    processed_at timestamptz not null,
    primary key (event_id, consumer)
);
