-- Chronology entries rectified in assessment-service (recorded against the wrong child): their facts are dropped,
-- and an entry named here is never projected again, so a late or replayed event about it cannot bring it back.
create table case_rectified_entry (
    entry_id    uuid primary key,
    child_ref   text not null
);
