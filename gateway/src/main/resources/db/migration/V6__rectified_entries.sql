-- Chronology entries rectified in assessment-service (recorded against the wrong child, chronology.entry-rectified):
-- the dashboard stops counting them and the agency that wrote one stops being involved with the child through it.
-- An entry named here is never projected again, whatever arrives later about it.
create table rectified_entry (
    entry_id    uuid primary key,
    child_ref   text not null
);

-- The chronology entries that involve an agency with a child, so a rectification can take back the involvement it
-- gave. An involvement that only entries gave is marked: one that came from anything else (registration, an
-- assessment, an escalation, a transfer, or a row older than this table) stays.
create table child_involvement_entry (
    entry_id    uuid primary key,
    child_ref   text not null,
    partnership text not null,
    agency      text not null
);
create index child_involvement_entry_agency on child_involvement_entry (child_ref, partnership, agency);
alter table child_involvement add column by_chronology_only boolean not null default false;
