-- Transactional outbox: rows commit with the change they describe; OutboxRelay publishes them in sequence order.
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

-- Idempotency-Key: a retry with the same key and body gets the first outcome again (the same resource, the same
-- status). Only the resource id is kept: the response is rebuilt, so no personal data is stored here.
create table idempotent_request (
    client_id    text not null,
    key          text not null,
    request_hash text not null,
    status       integer not null,
    resource_id  text not null,
    created_at   timestamptz not null,
    primary key (client_id, key)
);
