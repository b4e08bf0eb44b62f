create table toolkit_edition (
    id            uuid primary key,
    family        text not null check (family in ('HIOW', 'WS')),
    version       text not null,
    status        text not null check (status in ('DRAFT', 'PUBLISHED', 'SUPERSEDED')),
    content       jsonb not null,
    created_at    timestamptz not null,
    created_by    text not null,
    published_at  timestamptz,
    published_by  text,
    review_due_on date,
    superseded_at timestamptz,
    unique (family, version),
    check (status = 'DRAFT' or (published_at is not null and review_due_on is not null))
);

-- exactly one published edition per family, at most one open draft
create unique index toolkit_edition_one_published on toolkit_edition (family) where status = 'PUBLISHED';
create unique index toolkit_edition_one_draft on toolkit_edition (family) where status = 'DRAFT';
