-- Each partnership's escalation procedure and drift-and-delay clocks, from its family's published toolkit edition.
create table partnership_procedure (
    partnership          text primary key check (partnership in ('HSCP', 'IOWSCP', 'WSSCP')),
    toolkit_family       text not null,
    toolkit_version      text not null,
    published_at         timestamptz not null,
    procedure_code       text not null,
    procedure_name       text not null,
    stage_deadlines      jsonb not null,
    business_team_from_stage integer,
    drift_rules          jsonb not null,
    source_event_id      uuid not null
);
