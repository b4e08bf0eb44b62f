-- Annual review notices already sent: the primary key lets each edition have each kind of notice once (D9).
create table toolkit_review_notice (
    edition_id uuid not null references toolkit_edition (id),
    kind       text not null check (kind in ('DUE', 'OVERDUE')),
    emitted_at timestamptz not null,
    primary key (edition_id, kind)
);
