-- The exchange-wide audit rows about children (audit-events, every service's), copied for the subject access export's
-- "who accessed the record": escalation reads, dashboard reads and the stream are in other services' databases.
-- One row per event (its CloudEvents id, the same on every redelivery): a redelivered event changes nothing. Not the
-- source row's (service, entry_id): a service's database restored or recreated numbers its rows again. Append-only.
create table access_record (
    event_id        uuid primary key,
    service         text not null,
    entry_id        bigint not null,
    at              timestamptz not null,
    child_ref       text not null,
    client_id       text,
    partnership     text,
    agency          text,
    practitioner_id text,
    purpose         text,
    action          text not null,
    outcome         text not null
);
create index access_record_child on access_record (child_ref, at);

create function access_record_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'access_record is append-only: % refused', tg_op;
end $$;

create trigger access_record_no_update_or_delete before update or delete on access_record
    for each row execute function access_record_is_append_only();
create trigger access_record_no_truncate before truncate on access_record
    for each statement execute function access_record_is_append_only();
