-- Who may decide which level is a partnership setting of the published edition: kept as published (null for an
-- edition that does not say, or was stored before this migration; the defaults then apply).
alter table toolkit_edition add column partnership_settings jsonb;

-- An agency that may not decide the level it found completes with a proposed level: the assessment then waits
-- (LEVEL_PROPOSED, no level yet) for the deciding agency to confirm or change it. An overrun of the D2 timescale
-- carries its reason.
alter table assessment
    drop constraint assessment_status_check,
    drop constraint assessment_check,
    add column proposed_level integer check (proposed_level between 1 and 4),
    add column level_decided_at timestamptz,
    add column level_decided_by_agency text,
    add column level_decided_by_practitioner text,
    add column level_decision_reason text,
    add column overrun_reason text,
    add constraint assessment_status_check check (status in ('OPEN', 'LEVEL_PROPOSED', 'COMPLETED')),
    add constraint assessment_check check (status = 'OPEN' or (completed_at is not null and primary_category is not null
        and num_nonnulls(childs_voice, childs_voice_absent_reason) = 1)),
    add constraint assessment_level_check check (status <> 'COMPLETED' or threshold_level is not null),
    add constraint assessment_proposal_check check (status <> 'LEVEL_PROPOSED' or (proposed_level is not null and threshold_level is null));

-- The level history: every proposal and every decision of a level, with who made it and why.
create table level_decision (
    id              uuid primary key,
    child_ref       text not null references child (child_ref),
    assessment_id   uuid not null references assessment (id),
    kind            text not null check (kind in ('PROPOSED', 'DECIDED')),
    level           integer not null check (level between 1 and 4),
    proposed_level  integer check (proposed_level between 1 and 4),
    agency          text not null,
    client_id       text not null,
    practitioner_id text not null,
    reason          text not null,
    recorded_at     timestamptz not null
);
create index level_decision_child on level_decision (child_ref, recorded_at);
