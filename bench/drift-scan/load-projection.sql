-- Fills escalation-service's case projection with synthetic children and facts for the drift-scan benchmark.
-- psql -v children=100000 -v per_child=20 -f load-projection.sql <database>
-- Every child gets per_child facts over ~2.5 years in a repeating pattern (concerns, a referral and its decision,
-- a closure, a review, an assessment started and completed, a level change), dated so that some clocks run out.
\set ON_ERROR_STOP on
truncate case_fact, case_child, drift_alert, outbox_event, partnership_procedure;

-- the clocks of the published seed editions (toolkit-content-service/src/main/resources/seed/*.json), as the
-- toolkit's edition.published event would have brought them: no dependency on what a shared topic still holds
insert into partnership_procedure (partnership, toolkit_family, toolkit_version, published_at, procedure_code,
    procedure_name, stage_deadlines, business_team_from_stage, drift_rules, source_event_id)
select p, case p when 'WSSCP' then 'WS' else 'HIOW' end, 'bench', now() - interval '30 days', 'BENCH', 'bench procedure',
       '{"1": 5, "2": 5, "3": 5, "4": 10}', null,
       '{"referralDecisionWorkingDays": 1, "assessmentWorkingDays": 45, "level3ReviewWeeks": 12,
         "reReferralWindowMonths": 12, "referralsInWindow": 2, "stepDownStepUpWindowMonths": 6,
         "levelChangesPerYear": 3, "level4AmberMonths": 9, "level4RedMonths": 21, "concernEntries": 3,
         "concernAgencies": 2, "concernWindowDays": 90, "toolkitReviewMonths": 12}', gen_random_uuid()
from unnest(array['HSCP', 'IOWSCP', 'WSSCP']) as p;

insert into case_child (child_ref, partnership, registered_on)
select 'CH-' || translate(lpad(to_hex(c), 10, '0'), '0123456789abcdef', 'ABCDEFGHJKLMNPQR'),
       (array['HSCP', 'IOWSCP', 'WSSCP'])[1 + c % 3],
       current_date - 900 - (c % 30)
from generate_series(1, :children) as c;

insert into case_fact (id, child_ref, kind, ref_id, on_date, agency, from_level, to_level, event_id)
select md5(c || '/' || f)::uuid,
       'CH-' || translate(lpad(to_hex(c), 10, '0'), '0123456789abcdef', 'ABCDEFGHJKLMNPQR'),
       (array['CONCERN', 'CONCERN', 'REFERRAL', 'REFERRAL_DECISION', 'CLOSURE', 'REVIEW',
              'ASSESSMENT_STARTED', 'ASSESSMENT_COMPLETED', 'THRESHOLD_CHANGED', 'CONCERN'])[1 + f % 10],
       case f % 10 when 3 then md5(c || '/' || (f - 1))::uuid     -- the decision decides the referral before it
                   when 7 then md5(c || '/' || (f - 1))::uuid     -- the completion completes the assessment started
                   when 8 then md5(c || '/' || (f - 2))::uuid end,
       current_date - 900 - (c % 30) + f * (850 / :per_child) + (c % 7),
       (array['HEALTH', 'EDUCATION', 'POLICE', 'CHILDRENS_SERVICES'])[1 + (c + f) % 4],
       case when f % 10 = 8 then 1 + (c + f / 10) % 4 end,
       case when f % 10 = 8 then 1 + (c + f / 10 + 1) % 4 end,
       md5('event/' || c || '/' || f)::uuid
from generate_series(1, :children) as c, generate_series(0, :per_child - 1) as f;

analyze case_child;
analyze case_fact;
select (select count(*) from case_child) as children, (select count(*) from case_fact) as facts;
