-- Each published edition's indicator codes (with their area and age band) and practice approaches, to validate
-- observations against. Editions stored before this migration did not keep them: they have none.
alter table toolkit_edition
    add column indicators          jsonb not null default '[]',
    add column practice_approaches jsonb not null default '[]';
