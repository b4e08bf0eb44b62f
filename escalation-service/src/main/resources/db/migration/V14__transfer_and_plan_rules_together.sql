-- V12 (plans, D11) and V13 (transfers, D10) each re-made the fact-kind and rule checks for their own additions; the
-- later one would refuse the other's rows. One check for all of them.
alter table case_fact drop constraint case_fact_kind_check;
alter table case_fact add constraint case_fact_kind_check check (kind in ('REFERRAL', 'REFERRAL_DECISION', 'CLOSURE',
    'CONCERN', 'REVIEW', 'ASSESSMENT_STARTED', 'ASSESSMENT_COMPLETED', 'THRESHOLD_CHANGED', 'TRANSFER_REQUESTED',
    'TRANSFER_ACCEPTED', 'NEGLECT_PLAN_STARTED', 'NEGLECT_PLAN_ENDED'));

alter table drift_alert drop constraint drift_alert_rule_check;
alter table drift_alert add constraint drift_alert_rule_check
    check (rule in ('D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'D7', 'D8', 'D9', 'D10', 'D11'));
