-- child.erased (assessment-service's tombstone): the child's case, escalations and drift alerts are deleted, and
-- only its reference and the time stay here, so an event about the child arriving later projects nothing again.
create table erased_child (
    child_ref text primary key,
    erased_at timestamptz not null
);
