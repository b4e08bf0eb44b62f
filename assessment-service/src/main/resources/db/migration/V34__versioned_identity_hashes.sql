-- Per-child identity keys (identity/IdentityProtection). A matching hash now says which matching key made it
-- ("<version>:<hex>"): the hashes made so far were made with the one matching key, which becomes version 1
-- (nx.identity.matching-keys.1, still read from NX_IDENTITY_MATCHING_KEY). Ciphertexts need no change here: a value
-- without the "k1:" prefix is under the legacy single key and is re-encrypted under the child's own key by the
-- rotation job (identity/IdentityKeyRotation).
update child_identity set nhs_number_hash = '1:' || nhs_number_hash
    where nhs_number_hash is not null and position(':' in nhs_number_hash) = 0;
update child_identity set name_and_date_hash = '1:' || name_and_date_hash where position(':' in name_and_date_hash) = 0;
-- An erased child's identity keeps no hash: it can no longer be found by NHS number or by names and date.
alter table child_identity alter column name_and_date_hash drop not null;
