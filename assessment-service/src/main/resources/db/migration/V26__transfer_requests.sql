-- A transfer is asked for by the sending partnership's children's services and takes effect when the receiving
-- partnership's children's services accepts it (child_partnership_history then gets its next period).
create table child_transfer (
    id                        uuid primary key,
    child_ref                 text not null references child (child_ref),
    from_partnership          text not null check (from_partnership in ('HSCP', 'IOWSCP', 'WSSCP')),
    to_partnership            text not null check (to_partnership in ('HSCP', 'IOWSCP', 'WSSCP')),
    reason                    text not null check (reason in ('FAMILY_MOVED', 'CARE_PLACEMENT', 'OTHER')),
    status                    text not null check (status in ('REQUESTED', 'ACCEPTED')),
    requested_at              timestamptz not null,
    requested_by_client       text not null,
    requested_by_agency       text not null,
    requested_by_practitioner text not null,
    accept_by                 date not null,
    accepted_at               timestamptz,
    accepted_by_client        text,
    accepted_by_practitioner  text,
    check (from_partnership <> to_partnership),
    check ((status = 'ACCEPTED') = (accepted_at is not null))
);
create index child_transfer_child on child_transfer (child_ref, requested_at);
-- one transfer of a child waits for acceptance at a time
create unique index child_transfer_one_requested on child_transfer (child_ref) where status = 'REQUESTED';
