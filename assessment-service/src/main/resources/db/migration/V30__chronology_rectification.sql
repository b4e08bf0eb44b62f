-- An entry recorded against the wrong child, rectified (UK GDPR Art 16) by the partnership's children's services or
-- its data protection officer. The entry itself stays as it was (chronology_entry is append-only): this row hides it
-- from every reader but the data protection officer. One rectification per entry; never changed; it goes with the
-- entry when the child's record is erased.
create table chronology_rectification (
    entry_id        uuid primary key references chronology_entry (id) on delete cascade,
    agency          text not null,
    client_id       text not null,
    reason          text not null check (char_length(reason) between 1 and 2000),
    rectified_at    timestamptz not null
);

create function chronology_rectification_is_final() returns trigger language plpgsql as $$
begin
    raise exception 'chronology_rectification is never changed: % refused', tg_op;
end $$;

create trigger chronology_rectification_no_update before update on chronology_rectification
    for each row execute function chronology_rectification_is_final();
