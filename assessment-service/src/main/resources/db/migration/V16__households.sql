-- Siblings: a link is stored in both directions, so either child's household reads the same way.
create table household_link (
    child_ref         text not null references child (child_ref),
    related_child_ref text not null references child (child_ref),
    relationship      text not null check (relationship in ('SIBLING', 'HALF_SIBLING', 'STEP_SIBLING')),
    linked_at         timestamptz not null,
    linked_by_client  text not null,
    primary key (child_ref, related_child_ref),
    check (child_ref <> related_child_ref)
);

-- A carer is known by a pseudonymous carerRef; the names are encrypted (AES-GCM) like a child's identity.
-- A carer has no partnership of its own: it is visible wherever a child it cares for is.
create table carer (
    carer_ref         text primary key,
    given_name_enc    text,
    family_name_enc   text not null,
    created_at        timestamptz not null,
    created_by_client text not null
);

create table child_carer (
    child_ref         text not null references child (child_ref),
    carer_ref         text not null references carer (carer_ref),
    relationship      text not null check (relationship in ('MOTHER', 'FATHER', 'STEP_PARENT', 'KINSHIP_CARER', 'FOSTER_CARER', 'OTHER')),
    lives_with_child  boolean not null,
    linked_at         timestamptz not null,
    linked_by_client  text not null,
    primary key (child_ref, carer_ref)
);
create index child_carer_carer on child_carer (carer_ref);
