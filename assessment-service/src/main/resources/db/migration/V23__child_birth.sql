-- A birth (child/BirthService) adds the date of birth to an unborn baby's identity and keeps the expected date it was
-- registered with: a child has a date of birth, an expected one, or (born after registration) both.
alter table child_identity drop constraint child_identity_check;
alter table child_identity add constraint child_identity_born_or_expected
    check (date_of_birth_enc is not null or expected_date_of_birth_enc is not null);
