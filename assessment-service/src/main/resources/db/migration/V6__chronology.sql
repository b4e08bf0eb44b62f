-- A child's multi-agency chronology. Append-only: a correction is a new row that supersedes an earlier one, and the
-- database itself refuses updates and deletes. An entry can be superseded once (unique), so corrections form a chain.
create table chronology_entry (
    id              uuid primary key,
    sequence_no     bigint generated always as identity unique,
    child_ref       text not null references child (child_ref),
    agency          text not null,
    client_id       text not null,
    practitioner_id text not null,
    type            text not null,
    occurred_on     date not null,
    summary         text not null check (char_length(summary) between 1 and 2000),
    supersedes      uuid unique references chronology_entry (id),
    referral_id     uuid references chronology_entry (id),
    decision        text,
    closure_reason  text,
    recorded_at     timestamptz not null,
    check ((type = 'REFERRAL_DECISION') = (decision is not null and referral_id is not null)),
    check ((type = 'CLOSURE') = (closure_reason is not null))
);
-- the order clients read: when it happened, then when it was recorded
create index chronology_entry_child_order on chronology_entry (child_ref, occurred_on, recorded_at, sequence_no);

create function chronology_entry_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'chronology_entry is append-only: % refused', tg_op;
end $$;

create trigger chronology_entry_no_update_or_delete before update or delete on chronology_entry
    for each row execute function chronology_entry_is_append_only();
create trigger chronology_entry_no_truncate before truncate on chronology_entry
    for each statement execute function chronology_entry_is_append_only();
