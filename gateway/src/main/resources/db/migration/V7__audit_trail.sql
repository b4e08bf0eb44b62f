-- The exchange's audit trail (package audit): every service's audit rows (audit.recorded on audit-events), one
-- chain per partnership. Each row has its partnership's next sequence number, the previous row's hash and its own:
-- SHA-256 over the previous hash and the row's canonical form (audit.ChainHash). Append-only: the database refuses
-- anything else; a change made around that (a superuser) breaks the chain where it was made (GET /audit/verification).
create table audit_trail (
    partnership     text not null,
    seq             bigint not null check (seq > 0),
    event_id        uuid not null unique,
    service         text not null,
    entry_id        bigint not null,
    at              timestamptz not null,
    client_id       text,
    agency          text,
    practitioner_id text,
    purpose         text,
    action          text not null,
    child_ref       text,
    outcome         text not null,
    request_id      text,
    prev_hash       text not null,
    hash            text not null,
    primary key (partnership, seq)
);
-- not unique: a service database restored to an earlier point hands out its row ids again, to other rows; the event
-- id is what makes a row once (and the inbox before it)
create index audit_trail_entry on audit_trail (service, entry_id);
create index audit_trail_child on audit_trail (partnership, child_ref, seq);
create index audit_trail_at on audit_trail (partnership, at);

create function audit_trail_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_trail is append-only: % refused', tg_op;
end $$;

create trigger audit_trail_no_update_or_delete before update or delete on audit_trail
    for each row execute function audit_trail_is_append_only();
create trigger audit_trail_no_truncate before truncate on audit_trail
    for each statement execute function audit_trail_is_append_only();

-- The anchored head: each partnership's last sequence number and hash, moved on in the transaction that appends.
-- Appends take its row's lock, so one partnership's rows are chained one at a time; verification compares the last
-- row with it, so a deleted last row (no gap left behind) is found too.
create table audit_trail_head (
    partnership text primary key,
    seq         bigint not null,
    hash        text not null
);
