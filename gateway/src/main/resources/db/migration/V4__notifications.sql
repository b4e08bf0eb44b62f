-- Notifications (package notification): what the exchange tells an agency, by its feed and its webhooks.

-- A notification is journalled like an event, addressed to recipients ("<partnership>:<audience>", e.g.
-- "WSSCP:EDUCATION"), so the agency feed is the event stream's journal read for one recipient. Events journalled
-- for dashboards keep recipients null.
alter table stream_journal add column recipients text[];
create index stream_journal_recipients on stream_journal using gin (recipients);

-- Which agencies are involved with a child in a partnership (registered it, wrote to its chronology, opened or
-- contributed to an assessment, party to an escalation about it): built from events by ChildInvolvement.
create table child_involvement (
    child_ref   text not null,
    partnership text not null,
    agency      text not null,
    since       timestamptz not null default now(),
    primary key (child_ref, partnership, agency)
);

-- Open escalations and their stage deadline, for the reminder one working day before it (DeadlineReminders).
create table escalation_deadline (
    escalation_id    uuid primary key,
    child_ref        text not null,
    partnership      text not null,
    raised_by_agency text not null,
    other_agency     text not null,
    stage            integer not null,
    deadline         date not null,
    remind_on        date not null,
    reminded_at      timestamptz
);
create index escalation_deadline_due on escalation_deadline (remind_on) where reminded_at is null;

-- A client's webhook subscription. The secret signs every request (Standard Webhooks); it is needed to sign, so it
-- is kept, and shown only in the answer to the creating request.
create table webhook_subscription (
    id              uuid primary key,
    client_id       text not null,
    recipient       text not null,
    url             text not null,
    types           text[] not null,
    secret          text not null,
    status          text not null check (status in ('ACTIVE', 'DISABLED')),
    disabled_reason text,
    failing_since   timestamptz,
    created_at      timestamptz not null,
    practitioner_id text
);
create index webhook_subscription_recipient on webhook_subscription (recipient) where status = 'ACTIVE';
create index webhook_subscription_client on webhook_subscription (client_id, created_at);

-- One notification for one subscription; its id is the webhook-id a receiver deduplicates by. The body is kept
-- as sent, so a retry signs and sends exactly the same bytes.
create table webhook_delivery (
    id              uuid primary key,
    subscription_id uuid not null references webhook_subscription (id) on delete cascade,
    type            text not null,
    body            text not null,
    act_by          timestamptz,
    status          text not null check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        integer not null default 0,
    next_attempt_at timestamptz not null,
    lease_until     timestamptz,
    last_status     integer,
    last_error      text,
    created_at      timestamptz not null,
    delivered_at    timestamptz
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_subscription on webhook_delivery (subscription_id, created_at);

-- Every read of notifications and every change to a subscription, as the services audit reads and writes.
create table notification_audit (
    id              bigserial primary key,
    at              timestamptz not null,
    client_id       text not null,
    agency          text,
    practitioner_id text,
    action          text not null,
    target          text,
    outcome         text not null
);
