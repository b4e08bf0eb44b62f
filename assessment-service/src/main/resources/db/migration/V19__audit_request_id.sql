-- Which request each audit row records (the gateway's X-Request-Id): ties the trail to the logs and to the caller's
-- own record of the call, and lets a run count rows per request (deploy/reliability/audit-completeness.sh).
alter table audit_entry add column request_id text;
create index audit_entry_request on audit_entry (request_id);
