-- child.erased (assessment-service's tombstone): every projection deletes what it holds of the child, and only its
-- reference and the time stay here, so an event about the child arriving later (another topic's) is not projected.
create table erased_child (
    child_ref text primary key,
    erased_at timestamptz not null
);

-- The dashboard's alerts and escalations learn which child they are about, so an erasure finds them; rows projected
-- before this migration have none (their child's erasure leaves them as counts without a child).
alter table dashboard_drift_alert add column child_ref text;
alter table dashboard_escalation add column child_ref text;
create index dashboard_drift_alert_child on dashboard_drift_alert (child_ref) where child_ref is not null;
create index dashboard_escalation_child on dashboard_escalation (child_ref) where child_ref is not null;
