-- A child is known to the exchange by a pseudonymous childRef; who the child is lives apart, encrypted.
create table child (
    child_ref            text primary key,
    partnership          text not null check (partnership in ('HSCP', 'IOWSCP', 'WSSCP')),
    lead_agency          text not null,
    registered_at        timestamptz not null,
    registered_by_client text not null
);

-- Encrypted identity (AES-GCM) and keyed hashes (HMAC-SHA256) to match on; never a clear NHS number, name or date.
create table child_identity (
    child_ref                  text primary key references child (child_ref),
    nhs_number_hash            text unique,
    name_and_date_hash         text not null,
    nhs_number_enc             text,
    given_name_enc             text,
    family_name_enc            text not null,
    date_of_birth_enc          text,
    expected_date_of_birth_enc text,
    check (num_nonnulls(date_of_birth_enc, expected_date_of_birth_enc) = 1)
);
create index child_identity_name_and_date on child_identity (name_and_date_hash);
