-- Transfers between partnerships. A requested transfer is a fact of the child's case (the receiving partnership and
-- the day it has to accept by) until its acceptance (drift rule D10). When the child moves, its open escalations
-- move with it, or are closed with the reason the receiving partnership's procedure cannot take them.
alter table case_fact drop constraint case_fact_kind_check;
alter table case_fact add constraint case_fact_kind_check check (kind in ('REFERRAL', 'REFERRAL_DECISION', 'CLOSURE',
    'CONCERN', 'REVIEW', 'ASSESSMENT_STARTED', 'ASSESSMENT_COMPLETED', 'THRESHOLD_CHANGED', 'TRANSFER_REQUESTED',
    'TRANSFER_ACCEPTED'));
-- a transfer request's receiving partnership and its acceptance deadline
alter table case_fact add column partnership text check (partnership in ('HSCP', 'IOWSCP', 'WSSCP'));
alter table case_fact add column due_on date;

alter table escalation drop constraint escalation_status_check;
alter table escalation add constraint escalation_status_check check (status in ('OPEN', 'RESOLVED', 'CLOSED'));
alter table escalation add column closed_on date;
alter table escalation add column closed_reason text
    check (closed_reason in ('RECEIVING_PROCEDURE_UNKNOWN', 'STAGE_NOT_IN_RECEIVING_PROCEDURE'));
alter table escalation add check ((status = 'CLOSED') = (closed_reason is not null));

alter table drift_alert drop constraint drift_alert_rule_check;
alter table drift_alert add constraint drift_alert_rule_check
    check (rule in ('D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'D7', 'D8', 'D9', 'D10'));
