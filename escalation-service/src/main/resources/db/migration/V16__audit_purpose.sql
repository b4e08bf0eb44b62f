-- The audit row has one shape in every service now (platform.audit.AuditEntry): the purpose the agency system gives
-- (X-Purpose), as the assessment service has always kept it.
alter table audit_entry add column purpose text;
