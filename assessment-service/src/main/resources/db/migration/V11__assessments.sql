-- Multi-agency assessments. An amendment is a new version (a new row in the same series); a completed version is
-- never changed again. Each keeps the toolkit edition and the child's age band it was opened with.
create table assessment (
    id                        uuid primary key,
    series_id                 uuid not null,
    version                   integer not null check (version >= 1),
    amends                    uuid references assessment (id),
    child_ref                 text not null references child (child_ref),
    partnership               text not null,
    toolkit_family            text not null,
    toolkit_version           text not null,
    age_band                  text not null,
    status                    text not null check (status in ('OPEN', 'COMPLETED')),
    opened_at                 timestamptz not null,
    opened_by_client          text not null,
    opened_by_agency          text not null,
    opened_by_practitioner    text not null,
    completed_at              timestamptz,
    completed_by_client       text,
    completed_by_agency       text,
    completed_by_practitioner text,
    primary_category          text,
    other_categories          jsonb,
    threshold_level           integer check (threshold_level between 1 and 4),
    rationale                 text,
    strengths                 jsonb,
    childs_voice              text,
    childs_voice_absent_reason text,
    childs_voice_absent_detail text,
    unique (series_id, version),
    foreign key (toolkit_family, toolkit_version) references toolkit_edition (family, version),
    check (status = 'OPEN' or (completed_at is not null and primary_category is not null and threshold_level is not null
        and num_nonnulls(childs_voice, childs_voice_absent_reason) = 1))
);
create index assessment_child on assessment (child_ref, opened_at);

-- One agency's contribution, with the information-sharing record of golden rule 7: purpose, lawful basis, consent
-- and, when shared without consent, which Sch 1 para 18 reason applies.
create table assessment_contribution (
    id                         uuid primary key,
    assessment_id              uuid not null references assessment (id),
    agency                     text not null,
    client_id                  text not null,
    practitioner_id            text not null,
    contributed_at             timestamptz not null,
    copied_from                uuid references assessment_contribution (id),
    purpose                    text not null,
    lawful_basis               text not null,
    special_category_condition text,
    consent                    text not null,
    para18_reason              text,
    observations               jsonb not null,
    concerns                   jsonb not null,
    strengths                  jsonb not null,
    evidence                   jsonb not null,
    check (consent = 'GIVEN' or para18_reason is not null)
);
create index assessment_contribution_assessment on assessment_contribution (assessment_id, contributed_at);
