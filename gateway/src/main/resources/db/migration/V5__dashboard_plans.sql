-- child.plan-started / child.plan-ended: the child protection plans for neglect, open while end_date is null,
-- whichever event arrives first. The child's partnership is dashboard_child's (it follows transfers).
create table dashboard_neglect_plan (
    plan_id    uuid primary key,
    child_ref  text not null,
    start_date date not null,
    end_date   date
);
create index dashboard_neglect_plan_open on dashboard_neglect_plan (child_ref) where end_date is null;
