-- Every read and write of escalations and drift alerts: each names a child and what agencies think of its care.
-- Append-only, and the database itself refuses anything else (as the assessment service's audit_entry).
create table audit_entry (
    id              bigint generated always as identity primary key,
    at              timestamptz not null,
    client_id       text,
    partnership     text,
    agency          text,
    practitioner_id text,
    action          text not null,
    child_ref       text,
    outcome         text not null,
    request_id      text
);
create index audit_entry_child on audit_entry (child_ref, at);
create index audit_entry_request on audit_entry (request_id);

create function audit_entry_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only: % refused', tg_op;
end $$;

create trigger audit_entry_no_update_or_delete before update or delete on audit_entry
    for each row execute function audit_entry_is_append_only();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entry_is_append_only();
