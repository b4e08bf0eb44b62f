-- The partnerships a child has belonged to, one row per period. The open period (to_at null) is the current one;
-- a transfer closes it (who transferred the child away, and why) and opens the next.
create table child_partnership_history (
    id                    bigint generated always as identity primary key,
    child_ref             text not null references child (child_ref),
    partnership           text not null check (partnership in ('HSCP', 'IOWSCP', 'WSSCP')),
    from_at               timestamptz not null,
    to_at                 timestamptz,
    transferred_by_client text,
    transfer_reason       text check (transfer_reason in ('FAMILY_MOVED', 'CARE_PLACEMENT', 'OTHER')),
    check (to_at is null or to_at >= from_at),
    check ((to_at is null) = (transferred_by_client is null) and (to_at is null) = (transfer_reason is null))
);
create index child_partnership_history_child on child_partnership_history (child_ref, from_at);
create unique index child_partnership_history_one_open on child_partnership_history (child_ref) where to_at is null;
