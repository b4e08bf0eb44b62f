-- The backlog: :events chronology.entry-added events in assessment-service's outbox, as POST chronology writes them
-- (key and subject the childRef, the event's data as JSON), left unpublished while Kafka was down.
-- psql -v events=50000 -f backlog.sql <database>
\set ON_ERROR_STOP on
insert into outbox_event (id, type, message_key, subject, partnership, data, occurred_at)
select gen_random_uuid(), 'chronology.entry-added', 'CH-BENCH' || lpad((n % 1000)::text, 7, '0'),
       'CH-BENCH' || lpad((n % 1000)::text, 7, '0'), 'HSCP',
       jsonb_build_object('childRef', 'CH-BENCH' || lpad((n % 1000)::text, 7, '0'), 'partnership', 'HSCP',
           'ageBand', 'UNDER_5', 'entryId', gen_random_uuid(), 'type', 'VISIT', 'agency', 'HEALTH',
           'occurredOn', date '2025-01-01' + n % 300, 'recordedAt', now(), 'supersedes', null),
       now()
from generate_series(1, :events) as n;
select count(*), avg(octet_length(data::text))::int from outbox_event where published_at is null;
