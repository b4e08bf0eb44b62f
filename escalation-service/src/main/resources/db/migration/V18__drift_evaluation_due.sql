-- A child whose case changed is marked here, in the transaction that changed it, and evaluated a moment later by
-- DueEvaluations: many events about one child in a backlog cost one evaluation, not one each. Marks are appended
-- (no key on the child), so marking never waits on a drain that holds an earlier mark of the same child. The request
-- id and trace of the change go on to the drift events its evaluation appends.
create table drift_evaluation_due (
    id bigint generated always as identity primary key,
    child_ref text not null,
    request_id text,
    traceparent text
);
