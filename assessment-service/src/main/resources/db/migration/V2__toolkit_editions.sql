-- Local copy of every published toolkit edition's codes, from toolkit.edition.published events.
create table toolkit_edition (
    family            text not null,
    version           text not null,
    published_at      timestamptz not null,
    review_due_on     date not null,
    threshold_levels  jsonb not null,
    neglect_categories jsonb not null,
    source_event_id   uuid not null,
    primary key (family, version)
);
