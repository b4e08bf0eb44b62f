-- Transactional outbox: rows commit with the change they describe; OutboxRelay publishes them in sequence order.
-- "if not exists": a database migrated before the platform library owned this table already has it (see README).
create table if not exists outbox_event (
    id           uuid primary key,
    sequence_no  bigint generated always as identity unique,
    type         text not null,
    message_key  text not null,
    subject      text,
    partnership  text,
    data         jsonb not null,
    occurred_at  timestamptz not null,
    published_at timestamptz,
    -- which request (X-Request-Id) and trace (W3C traceparent) appended it: the CloudEvents extensions requestid and
    -- traceparent; both null for events of a scheduled job without a span
    request_id   text,
    traceparent  text
);
create index if not exists outbox_event_unpublished on outbox_event (sequence_no) where published_at is null;
