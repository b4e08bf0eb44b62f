-- The event stream's journal: every relayed event once, in the order the stream hands them out. A client that
-- reconnects with Last-Event-ID gets the rows after that event's seq. Rows are written under one advisory lock
-- (see stream/Journal), so seq order is commit order and "seq > n" never skips a row that commits later.
create table stream_journal (
    seq          bigserial primary key,
    event_id     uuid not null unique,
    type         text not null,
    source       text not null,
    subject      text,
    time         timestamptz,
    -- the partnerships whose dashboards may see the event
    partnerships text[] not null,
    -- the SSE data exactly as relayed (json keeps the text as written)
    envelope     json not null,
    recorded_at  timestamptz not null default now()
);

create index stream_journal_recorded_at on stream_journal (recorded_at);
