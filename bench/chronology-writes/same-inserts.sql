-- pgbench: the rows one POST /children/{childRef}/chronology commits in assessment-service, in one transaction:
-- the entry, its audit entry and its outbox event (the data of an assessment.chronology-recorded event).
-- Children: the bench's registered childRefs, passed as -D children={CH-...,CH-...}.
\set n random(1, 8)
\set day random(0, 1000)
BEGIN;
INSERT INTO chronology_entry (id, child_ref, agency, client_id, practitioner_id, type, occurred_on, summary, recorded_at,
        sharing_level)
VALUES (gen_random_uuid(), (:children::text[])[(:n)::int], 'HEALTH', 'hscp-health', 'bench-1', 'VISIT',
        date '2023-01-01' + (:day)::int, 'Home visit: kitchen without food, baby unsettled', now(), 'PARTNERSHIP');
INSERT INTO audit_entry (at, client_id, partnership, agency, practitioner_id, purpose, action, child_ref, outcome)
VALUES (now(), 'hscp-health', 'HSCP', 'HEALTH', 'bench-1', 'chronology', 'CHRONOLOGY_RECORDED', (:children::text[])[(:n)::int], 'SUCCESS');
INSERT INTO outbox_event (id, type, message_key, subject, partnership, data, occurred_at)
VALUES (gen_random_uuid(), 'assessment.chronology-recorded', (:children::text[])[(:n)::int], 'child/' || (:children::text[])[(:n)::int],
        'HSCP', jsonb_build_object('childRef', (:children::text[])[(:n)::int], 'partnership', 'HSCP', 'ageBand', 'UNDER_5',
        'entryId', gen_random_uuid(), 'type', 'VISIT', 'agency', 'HEALTH', 'occurredOn', date '2023-01-01' + (:day)::int,
        'recordedAt', now()), now());
END;
