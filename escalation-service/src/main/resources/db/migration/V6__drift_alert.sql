-- Drift and delay alerts (RULES.md D1-D9): one per condition while it holds; cleared, never deleted, when it ends.
create table drift_alert (
    id               uuid primary key,
    sequence_no      bigint generated always as identity unique,
    rule             text not null check (rule in ('D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'D7', 'D8', 'D9')),
    child_ref        text,
    partnership      text not null check (partnership in ('HSCP', 'IOWSCP', 'WSSCP')),
    condition_key    text not null,
    severity         text not null check (severity in ('AMBER', 'RED')),
    status           text not null check (status in ('OPEN', 'ACKNOWLEDGED', 'CLEARED')),
    evidence         jsonb not null,
    practice_approach text not null,
    raised_at        timestamptz not null,
    raised_on        date not null,
    cleared_at       timestamptz,
    cleared_on       date,
    acknowledged_by  text,
    acknowledged_at  timestamptz,
    acknowledgement_note text
);

-- the guard against a second alert for one condition, whichever scan or event evaluates it
create unique index drift_alert_one_per_condition on drift_alert (rule, coalesce(child_ref, ''), partnership, condition_key)
    where status <> 'CLEARED';
create index drift_alert_by_partnership on drift_alert (partnership, status, sequence_no);
