-- Golden rule 7: each read of a child's record by an agency other than the lead agency records what was shared,
-- with whom, why and on what basis, and the consent position. Append-only, like the audit trail.
create table sharing_record (
    id              bigint generated always as identity primary key,
    child_ref       text not null references child (child_ref),
    partnership     text not null,
    lead_agency     text not null,
    to_agency       text not null,
    to_client       text not null,
    practitioner_id text,
    purpose         text not null,
    lawful_basis    text not null check (lawful_basis in ('PUBLIC_TASK_SAFEGUARDING', 'HEALTH_AND_SOCIAL_CARE', 'LAW_ENFORCEMENT')),
    consent         text not null check (consent in ('GIVEN', 'NOT_SOUGHT', 'REFUSED')),
    para18_reason   text check (para18_reason in ('CANNOT_BE_GIVEN', 'CANNOT_REASONABLY_BE_OBTAINED', 'WOULD_PREJUDICE_PROTECTION')),
    shared_at       timestamptz not null,
    check ((consent = 'GIVEN') = (para18_reason is null))
);
create index sharing_record_child on sharing_record (child_ref, id);

create function sharing_record_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'sharing_record is append-only: % refused', tg_op;
end $$;

create trigger sharing_record_no_update_or_delete before update or delete on sharing_record
    for each row execute function sharing_record_is_append_only();
create trigger sharing_record_no_truncate before truncate on sharing_record
    for each statement execute function sharing_record_is_append_only();
