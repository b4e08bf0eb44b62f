-- Dashboard projection (package dashboard): one row per fact, keyed by the fact's own id, so a redelivered or
-- reordered event rewrites the same row; counts are taken at query time, never kept as counters.
-- Children appear by childRef only (pseudonymous); nothing here is free text or identity.

-- Each child's current partnership: from the first event seen, moved by child.transferred (newest transfer wins).
create table dashboard_child (
    child_ref         text primary key,
    partnership       text not null,
    partnership_since timestamptz
);

-- Completed assessment versions (assessment.completed): the child's latest one gives its category and level.
create table dashboard_assessment (
    assessment_id         uuid primary key,
    series_id             uuid not null,
    child_ref             text not null,
    partnership           text not null,
    completed_on          date not null,
    completed_at          timestamptz not null,
    version               integer not null,
    primary_category      text not null,
    threshold_level       integer not null,
    contributing_agencies text[] not null
);
create index dashboard_assessment_child on dashboard_assessment (child_ref, completed_on desc, completed_at desc, version desc);
create index dashboard_assessment_partnership on dashboard_assessment (partnership, series_id);

-- threshold.changed, one per deciding assessment version.
create table dashboard_level_change (
    assessment_id uuid primary key,
    child_ref     text not null,
    partnership   text not null,
    from_level    integer,
    to_level      integer not null,
    changed_on    date not null
);
create index dashboard_level_change_partnership on dashboard_level_change (partnership, changed_on);

-- chronology.entry-added: entries by agency, and which entries a correction superseded.
create table dashboard_chronology_entry (
    entry_id    uuid primary key,
    child_ref   text not null,
    partnership text not null,
    agency      text not null,
    supersedes  uuid
);
create index dashboard_chronology_entry_partnership on dashboard_chronology_entry (partnership, agency);
create index dashboard_chronology_entry_supersedes on dashboard_chronology_entry (supersedes) where supersedes is not null;

-- case.closed: a closure on or after the child's latest completed assessment closes the child's case.
create table dashboard_case_closure (
    closure_id uuid primary key,
    child_ref  text not null,
    closed_on  date not null
);
create index dashboard_case_closure_child on dashboard_case_closure (child_ref, closed_on);

-- drift.detected / drift.cleared: open while cleared_on is null, whichever arrives first.
create table dashboard_drift_alert (
    alert_id    uuid primary key,
    partnership text not null,
    rule        text not null,
    detected_on date not null,
    cleared_on  date
);
create index dashboard_drift_alert_open on dashboard_drift_alert (partnership) where cleared_on is null;

-- escalation.raised / stage-changed / deadline-breached / resolved: stages only go up, so the highest stage seen
-- (with its deadline) is the current one; open while resolved_on is null.
create table dashboard_escalation (
    escalation_id uuid primary key,
    partnership   text not null,
    stage         integer not null,
    deadline      date,
    resolved_on   date
);
create index dashboard_escalation_open on dashboard_escalation (partnership) where resolved_on is null;

-- toolkit.edition.published / review.due / review.overdue, per partnership the edition names.
create table dashboard_toolkit_edition (
    partnership    text not null,
    family         text not null,
    version        text not null,
    published_at   timestamptz not null,
    review_due_on  date not null,
    due_notice     boolean not null default false,
    overdue_notice boolean not null default false,
    primary key (partnership, family, version)
);
