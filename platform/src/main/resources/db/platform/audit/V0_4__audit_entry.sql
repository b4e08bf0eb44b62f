-- Every read and write of child data in this service (platform.audit.Audit), append-only: the database itself refuses
-- anything else. For the services that had no audit of their own (toolkit content, gateway); the assessment and
-- escalation services keep the audit_entry their own migrations made (V4, V8), of the same shape, and do not list
-- this location: on a new database it would run first and their own script would find the table there.
create table if not exists audit_entry (
    id              bigint generated always as identity primary key,
    at              timestamptz not null,
    client_id       text,
    partnership     text,
    agency          text,
    practitioner_id text,
    purpose         text,
    action          text not null,
    child_ref       text,
    outcome         text not null,
    request_id      text
);
create index if not exists audit_entry_child on audit_entry (child_ref, at);

create or replace function audit_entry_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only: % refused', tg_op;
end $$;

create or replace trigger audit_entry_no_update_or_delete before update or delete on audit_entry
    for each row execute function audit_entry_is_append_only();
create or replace trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entry_is_append_only();
