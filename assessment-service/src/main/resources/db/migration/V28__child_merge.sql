-- Two records of one child, merged by children's services: the duplicate points at the surviving record for good,
-- and the merge itself (who, when, why) is kept. A record merged away cannot be merged again or be a survivor.
alter table child add column merged_into text references child (child_ref);
alter table child add constraint child_not_merged_into_itself check (merged_into is null or merged_into <> child_ref);

create table child_merge (
    merged_ref             text primary key references child (child_ref),
    surviving_ref          text not null references child (child_ref),
    partnership            text not null,
    reason                 text not null check (char_length(reason) between 1 and 500),
    merged_at              timestamptz not null,
    merged_by_client       text not null,
    merged_by_agency       text not null,
    merged_by_practitioner text not null,
    chronology_entries     integer not null,
    assessments            integer not null,
    level_changes          integer not null,
    household_links        integer not null
);
create index child_merge_surviving on child_merge (surviving_ref);

-- The chronology and the record of shares stay append-only: what a row says never changes. The one update allowed
-- re-homes a row of a merged record to the record it was merged into, and changes nothing else on the row.
create function append_only_unless_rehomed_by_merge() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE'
            and to_jsonb(new) - 'child_ref' = to_jsonb(old) - 'child_ref'
            and exists (select 1 from child where child_ref = old.child_ref and merged_into = new.child_ref) then
        return new;
    end if;
    raise exception '% is append-only: % refused', tg_table_name, tg_op;
end $$;

drop trigger chronology_entry_no_update_or_delete on chronology_entry;
create trigger chronology_entry_no_update_or_delete before update or delete on chronology_entry
    for each row execute function append_only_unless_rehomed_by_merge();
drop trigger sharing_record_no_update_or_delete on sharing_record;
create trigger sharing_record_no_update_or_delete before update or delete on sharing_record
    for each row execute function append_only_unless_rehomed_by_merge();
