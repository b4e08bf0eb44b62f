-- Child protection plans for neglect, projected from child.plan-started / child.plan-ended (rule D11): a start fact
-- per plan (id: the plan) and an end fact (id: the event, ref_id: the plan).
alter table case_fact drop constraint case_fact_kind_check;
alter table case_fact add constraint case_fact_kind_check check (kind in ('REFERRAL', 'REFERRAL_DECISION', 'CLOSURE',
    'CONCERN', 'REVIEW', 'ASSESSMENT_STARTED', 'ASSESSMENT_COMPLETED', 'THRESHOLD_CHANGED', 'NEGLECT_PLAN_STARTED',
    'NEGLECT_PLAN_ENDED'));

alter table drift_alert drop constraint drift_alert_rule_check;
alter table drift_alert add constraint drift_alert_rule_check check (rule in ('D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'D7',
    'D8', 'D9', 'D10'));

-- The practice approach each drift rule and the escalation procedure serve, with its guidance, as the partnership's
-- published edition maps them ({"rules": {"D1": {...}}, "escalation": {...}}); null for an edition without a mapping.
alter table partnership_procedure add column practice_approaches jsonb;

-- An alert or escalation keeps the approach of the edition it was raised under; none when that edition mapped none.
alter table drift_alert alter column practice_approach drop not null;
alter table drift_alert add column practice_approach_name text;
alter table drift_alert add column guidance_link text;
alter table escalation add column practice_approach text;
alter table escalation add column practice_approach_name text;
alter table escalation add column guidance_link text;
-- alerts raised before the mapping served the one approach RULES.md names
update drift_alert set practice_approach_name = 'Promote best practice'
    where practice_approach = 'CHALLENGE_DRIFT_AND_DELAY';
