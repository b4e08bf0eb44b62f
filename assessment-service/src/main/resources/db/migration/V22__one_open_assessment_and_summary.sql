-- One open assessment per child (assessment/OneOpenAssessmentRule): a second open version, first or amendment, is
-- refused by the service under the child's row lock; this index keeps the rule whatever writes.
create unique index assessment_one_open_per_child on assessment (child_ref) where status = 'OPEN';

-- The child summary's copy of escalation-service's escalations and drift alerts (summary/CaseAlerts), learnt from
-- escalation-events. Ids, stages, rules and dates only. Rows stay once resolved or cleared, so an event arriving late
-- (a stage change after the resolution) cannot reopen them.
create table summary_escalation (
    escalation_id    uuid primary key,
    child_ref        text not null,
    raised_by_agency text not null,
    other_agency     text not null,
    stage            int not null check (stage between 1 and 4),
    deadline         date,
    raised_on        date,
    resolved_on      date
);
create index summary_escalation_open on summary_escalation (child_ref) where resolved_on is null;

create table summary_drift_alert (
    alert_id    uuid primary key,
    child_ref   text not null,
    rule        text not null,
    severity    text not null,
    detected_on date not null,
    cleared_on  date
);
create index summary_drift_alert_open on summary_drift_alert (child_ref) where cleared_on is null;
