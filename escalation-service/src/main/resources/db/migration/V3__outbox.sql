-- Transactional outbox (escalation-events): rows commit with the change they describe; OutboxRelay publishes them in sequence order.
create table outbox_event (
    id           uuid primary key,
    sequence_no  bigint generated always as identity unique,
    type         text not null,
    message_key  text not null,
    subject      text,
    partnership  text,
    data         jsonb not null,
    occurred_at  timestamptz not null,
    published_at timestamptz
);

create index outbox_event_unpublished on outbox_event (sequence_no) where published_at is null;
