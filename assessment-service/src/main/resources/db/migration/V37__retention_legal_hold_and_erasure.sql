-- Retention (retention/): a legal hold stops the erasure of a child's record until it is lifted; an erased child
-- keeps only its child row (reference, partnership, registration) and a tombstone saying when, by whom and why, so a
-- later read answers 410 Gone. The holds are the data protection officer's own record and stay.
create table legal_hold (
    id                    uuid primary key,
    child_ref             text not null references child (child_ref),
    partnership           text not null,
    reason                text not null check (char_length(reason) between 1 and 500),
    set_at                timestamptz not null,
    set_by_client         text not null,
    set_by_practitioner   text not null,
    lifted_at             timestamptz,
    lifted_by_client      text,
    lifted_by_practitioner text,
    lift_reason           text check (char_length(lift_reason) between 1 and 500),
    check ((lifted_at is null) = (lift_reason is null))
);
create index legal_hold_active on legal_hold (child_ref) where lifted_at is null;

create table child_tombstone (
    child_ref               text primary key references child (child_ref),
    partnership             text not null,
    erased_at               timestamptz not null,
    erased_by_client        text not null,
    erased_by_practitioner  text,
    -- the retention class whose end erased the record, or DPO_INSTRUCTION
    retention_class         text not null,
    reason                  text not null check (char_length(reason) between 1 and 500),
    -- the record of shares outlives the record by the audit class's years, then goes too (RetentionJob)
    sharing_records_disposed_at timestamptz
);

-- The chronology and the record of shares stay append-only, with two exceptions: a merge re-homes a row (V28), and
-- the rows of a child with a tombstone may be deleted (erasure, and the end of the record of shares' retention).
create function append_only_unless_rehomed_or_erased() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE'
            and to_jsonb(new) - 'child_ref' = to_jsonb(old) - 'child_ref'
            and exists (select 1 from child where child_ref = old.child_ref and merged_into = new.child_ref) then
        return new;
    end if;
    if tg_op = 'DELETE' and exists (select 1 from child_tombstone where child_ref = old.child_ref) then
        return old;
    end if;
    raise exception '% is append-only: % refused', tg_table_name, tg_op;
end $$;

drop trigger chronology_entry_no_update_or_delete on chronology_entry;
create trigger chronology_entry_no_update_or_delete before update or delete on chronology_entry
    for each row execute function append_only_unless_rehomed_or_erased();
drop trigger sharing_record_no_update_or_delete on sharing_record;
create trigger sharing_record_no_update_or_delete before update or delete on sharing_record
    for each row execute function append_only_unless_rehomed_or_erased();
-- the merge-only function it replaces has no trigger left
drop function append_only_unless_rehomed_by_merge();
