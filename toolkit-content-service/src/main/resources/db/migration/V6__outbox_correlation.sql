-- Which request (X-Request-Id) and which trace (W3C traceparent) appended each event; the relay sends them as the
-- CloudEvents extensions requestid and traceparent. Both null for events of a scheduled job without a span.
alter table outbox_event
    add column request_id  text,
    add column traceparent text;
