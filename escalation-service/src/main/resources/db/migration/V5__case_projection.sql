-- Per-child case projection built from assessment-events only: childRef, dates, ids and codes, never an identity.
-- Facts are a set keyed by their own id, so events applied in any order, or replayed, end in the same projection.
create table case_child (
    child_ref          text primary key,
    partnership        text not null check (partnership in ('HSCP', 'IOWSCP', 'WSSCP')),
    -- when the partnership was last set by a transfer; an older transfer arriving late does not move the child back
    partnership_since  timestamptz,
    registered_on      date
);

create table case_fact (
    id          uuid primary key,
    child_ref   text not null,
    kind        text not null check (kind in ('REFERRAL', 'REFERRAL_DECISION', 'CLOSURE', 'CONCERN', 'REVIEW',
                    'ASSESSMENT_STARTED', 'ASSESSMENT_COMPLETED', 'THRESHOLD_CHANGED')),
    -- the referral a decision names; the assessment version a completion or threshold change belongs to
    ref_id      uuid,
    on_date     date not null,
    agency      text,
    from_level  integer,
    to_level    integer,
    event_id    uuid not null
);

create index case_fact_by_child on case_fact (child_ref, kind, on_date);
