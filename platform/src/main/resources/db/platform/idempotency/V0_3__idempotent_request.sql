-- Idempotency-Key: a retry with the same key and body gets the first outcome again (the same resource, the same
-- status). Only the resource id is kept: the response is rebuilt, so no personal data is stored here.
-- "if not exists": a database migrated before the platform library owned this table already has it (see README).
create table if not exists idempotent_request (
    client_id    text not null,
    key          text not null,
    request_hash text not null,
    status       integer not null,
    resource_id  text not null,
    created_at   timestamptz not null,
    primary key (client_id, key)
);
