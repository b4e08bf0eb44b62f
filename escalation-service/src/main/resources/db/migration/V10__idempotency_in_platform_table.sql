-- A raise's Idempotency-Key moves from the escalation row to the platform's idempotent_request table (every
-- state-changing POST keeps its keys there). Keys already used stay honoured: the request hash is the same SHA-256.
insert into idempotent_request (client_id, key, request_hash, status, resource_id, created_at)
select raised_by_client, idempotency_key, request_hash, 201, id::text, raised_at
from escalation
where idempotency_key is not null
on conflict do nothing;

alter table escalation
    drop column idempotency_key,
    drop column request_hash;
