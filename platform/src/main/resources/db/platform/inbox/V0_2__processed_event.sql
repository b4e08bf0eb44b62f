-- Idempotent consumers: the ids of the events each consumer has applied, written with the effect.
-- "if not exists": a database migrated before the platform library owned this table already has it (see README).
create table if not exists processed_event (
    event_id     uuid not null,
    consumer     text not null,
    processed_at timestamptz not null,
    primary key (event_id, consumer)
);
