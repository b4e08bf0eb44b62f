-- Professional-disagreement escalations (RULES.md): one row per escalation, one row per stage it has been at.
create table escalation (
    id                      uuid primary key,
    sequence_no             bigint generated always as identity unique,
    partnership             text not null check (partnership in ('HSCP', 'IOWSCP', 'WSSCP')),
    child_ref               text not null,
    type                    text not null,
    raised_by_agency        text not null,
    raised_by_client        text not null,
    raised_by_practitioner  text not null,
    other_agency            text not null,
    disagreement            text not null,
    current_risk            text not null,
    -- the procedure it was raised under governs it to the end, even if a later edition changes the procedure
    procedure_code          text not null,
    stage_deadlines         jsonb not null,
    business_team_from_stage integer,
    stage                   integer not null check (stage between 1 and 4),
    deadline                date not null,
    status                  text not null check (status in ('OPEN', 'RESOLVED')),
    raised_at               timestamptz not null,
    resolved_on             date,
    resolved_by             text,
    resolved_by_agency      text,
    outcome                 text,
    -- a retried POST with the same Idempotency-Key from the same client gets this escalation back, not a second one
    idempotency_key         text,
    request_hash            text,
    unique (raised_by_client, idempotency_key)
);

create index escalation_by_party on escalation (partnership, raised_by_agency, other_agency, sequence_no);
create index escalation_open_deadline on escalation (deadline) where status = 'OPEN';

create table escalation_stage (
    id                  uuid primary key,
    escalation_id       uuid not null references escalation (id),
    stage               integer not null check (stage between 1 and 4),
    entered_because     text not null check (entered_because in ('RAISED', 'RAISED_URGENT', 'ESCALATED', 'DEADLINE_PASSED')),
    issue               text,
    agencies            jsonb not null,
    roles               jsonb not null,
    agreed_action       text,
    outcome             text,
    started_on          date not null,
    deadline_working_days integer not null,
    deadline_reason     text,
    deadline            date not null,
    ended_on            date,
    -- set once, when the deadline check finds the stage overdue: the guard against a second breach of one stage
    deadline_breached_on date,
    unique (escalation_id, stage)
);

create table escalation_action (
    id              uuid primary key,
    escalation_id   uuid not null references escalation (id),
    stage           integer not null,
    action          text not null check (action in ('RESPOND', 'ESCALATE', 'RESOLVE')),
    agency          text not null,
    client_id       text not null,
    practitioner_id text not null,
    role            text,
    reason          text,
    agreed_action   text,
    outcome         text,
    resolved_by     text,
    note            text,
    at              timestamptz not null
);

create index escalation_action_by_escalation on escalation_action (escalation_id, at);
