-- Who reads the text of an entry or a contribution within the partnership (RULES.md "Sharing levels within a
-- partnership", SharingLevelRule). Rows recorded before the level existed take their agency's documented default:
-- the police's POLICE_PART3 (DPA 2018 Part 3), every other agency's PARTNERSHIP. Filling in the new column is the
-- one update the append-only chronology ever allows, so its trigger steps aside for this migration only (as in V24).
alter table chronology_entry add column sharing_level text;
alter table chronology_entry disable trigger chronology_entry_no_update_or_delete;
update chronology_entry set sharing_level = case when agency = 'POLICE' then 'POLICE_PART3' else 'PARTNERSHIP' end;
alter table chronology_entry enable trigger chronology_entry_no_update_or_delete;
alter table chronology_entry alter column sharing_level set not null;
alter table chronology_entry add constraint chronology_entry_sharing_level
    check (sharing_level in ('PARTNERSHIP', 'RESTRICTED', 'POLICE_PART3'));

alter table assessment_contribution add column sharing_level text;
update assessment_contribution set sharing_level = case when agency = 'POLICE' then 'POLICE_PART3' else 'PARTNERSHIP' end;
alter table assessment_contribution alter column sharing_level set not null;
alter table assessment_contribution add constraint assessment_contribution_sharing_level
    check (sharing_level in ('PARTNERSHIP', 'RESTRICTED', 'POLICE_PART3'));
