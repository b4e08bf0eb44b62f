-- What kind of incident the police attended (Operation Encompass: a domestic-abuse incident involving a school-age
-- child is told to the school before the next school day). Only on a POLICE_ATTENDANCE the police recorded; existing
-- entries have none. Adding a column fires no row trigger: the table stays append-only.
alter table chronology_entry add column incident_type text
    check (incident_type in ('DOMESTIC_ABUSE', 'OTHER'));
alter table chronology_entry add constraint chronology_entry_incident_type_of_police_attendance
    check (incident_type is null or (type = 'POLICE_ATTENDANCE' and agency = 'POLICE'));
