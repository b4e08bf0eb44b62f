-- A child's plans as children's services records them: kind, the category of a child protection plan, start and
-- end dates and the end's reason code. No free text. A plan is open while end_date is null.
create table child_plan (
    id                       uuid primary key,
    child_ref                text not null references child (child_ref),
    kind                     text not null check (kind in ('EARLY_HELP', 'CHILD_IN_NEED', 'CHILD_PROTECTION', 'LOOKED_AFTER')),
    category                 text check (category in ('NEGLECT', 'EMOTIONAL_ABUSE', 'PHYSICAL_ABUSE', 'SEXUAL_ABUSE')),
    start_date               date not null,
    end_date                 date,
    end_reason               text check (end_reason in ('OBJECTIVES_MET', 'STEPPED_DOWN', 'STEPPED_UP', 'CHILD_MOVED_AWAY',
                                 'CHILD_TURNED_18', 'OTHER')),
    started_by_client        text not null,
    started_by_practitioner  text not null,
    recorded_at              timestamptz not null,
    ended_by_client          text,
    ended_by_practitioner    text,
    ended_at                 timestamptz,
    -- a child protection plan, and only one, names its category
    constraint child_plan_category_of_cp check ((kind = 'CHILD_PROTECTION') = (category is not null)),
    constraint child_plan_ends_after_start check (end_date is null or end_date >= start_date),
    constraint child_plan_end_has_reason check ((end_date is null) = (end_reason is null))
);

-- one open plan of a kind per child (PlanRule says so first; this holds whatever writes)
create unique index child_plan_one_open_per_kind on child_plan (child_ref, kind) where end_date is null;
create index child_plan_by_child on child_plan (child_ref, start_date);
