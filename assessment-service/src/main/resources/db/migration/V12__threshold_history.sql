-- Every change of a child's level of need, from the completion that decided it; the latest row is the current level.
create table threshold_history (
    id            bigint generated always as identity primary key,
    child_ref     text not null references child (child_ref),
    from_level    integer check (from_level between 1 and 4),
    to_level      integer not null check (to_level between 1 and 4),
    changed_on    date not null,
    changed_at    timestamptz not null,
    assessment_id uuid not null references assessment (id)
);
create index threshold_history_child on threshold_history (child_ref, id);
