-- One vocabulary for every share: reads (sharing_record) and contributions (assessment_contribution) record the same
-- lawful basis codes, each naming the UK GDPR Art 6 basis with its Art 9 condition, or DPA 2018 Part 3 (README).
-- The previous release's codes are rewritten to the basis they meant; a contribution's separate Art 9 condition is
-- folded into its basis.

alter table sharing_record drop constraint sharing_record_lawful_basis_check;
-- the table is append-only for the application; this one rewrite of codes is the migration's
alter table sharing_record disable trigger sharing_record_no_update_or_delete;
update sharing_record set lawful_basis = case lawful_basis
    when 'PUBLIC_TASK_SAFEGUARDING' then 'PUBLIC_TASK_SAFEGUARDING_CHILDREN'
    when 'HEALTH_AND_SOCIAL_CARE' then 'PUBLIC_TASK_HEALTH_SOCIAL_CARE'
    when 'LAW_ENFORCEMENT' then 'LAW_ENFORCEMENT_PART_3'
end;
alter table sharing_record enable trigger sharing_record_no_update_or_delete;
alter table sharing_record add constraint sharing_record_lawful_basis_check
    check (lawful_basis in ('PUBLIC_TASK_SAFEGUARDING_CHILDREN', 'PUBLIC_TASK_HEALTH_SOCIAL_CARE', 'LAW_ENFORCEMENT_PART_3'));

-- a combination the previous rule never accepted becomes null and fails the not-null constraint: the migration stops
-- rather than guess a basis
update assessment_contribution set lawful_basis = case
    when lawful_basis = 'LAW_ENFORCEMENT_PART3' and special_category_condition is null then 'LAW_ENFORCEMENT_PART_3'
    when lawful_basis = 'PUBLIC_TASK_6_1_E' and special_category_condition = 'SAFEGUARDING_SCH1_PARA18'
        then 'PUBLIC_TASK_SAFEGUARDING_CHILDREN'
    when lawful_basis = 'PUBLIC_TASK_6_1_E' and special_category_condition = 'HEALTH_SOCIAL_CARE_9_2_H'
        then 'PUBLIC_TASK_HEALTH_SOCIAL_CARE'
end;
alter table assessment_contribution drop column special_category_condition;
alter table assessment_contribution add constraint assessment_contribution_lawful_basis_check
    check (lawful_basis in ('PUBLIC_TASK_SAFEGUARDING_CHILDREN', 'PUBLIC_TASK_HEALTH_SOCIAL_CARE', 'LAW_ENFORCEMENT_PART_3'));
