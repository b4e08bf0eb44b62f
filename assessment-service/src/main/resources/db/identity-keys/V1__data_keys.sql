-- The identity key store (assessment-service's datasource "identity-keys", its own database: never in the assessment
-- database's backups). One AES-256 data key per child (or carer), wrapped by the master key of master_version.
-- An erased child's key is destroyed: the row stays as a tombstone (no key, destroyed_at), so a restored assessment
-- row finds its key gone instead of being given a new one.
create table data_key (
    owner_ref       text primary key,
    master_version  text,
    wrapped_key     text,
    created_at      timestamptz not null default now(),
    rewrapped_at    timestamptz,
    destroyed_at    timestamptz,
    check ((wrapped_key is null) = (master_version is null)),
    check ((wrapped_key is null) = (destroyed_at is not null))
);
-- the rotation job looks for keys wrapped by another version than the current one
create index data_key_master_version on data_key (master_version) where wrapped_key is not null;
