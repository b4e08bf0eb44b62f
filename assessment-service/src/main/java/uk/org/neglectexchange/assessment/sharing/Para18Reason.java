package uk.org.neglectexchange.assessment.sharing;

/** DPA 2018 Sch 1 para 18: why a child's data is shared without consent. */
public enum Para18Reason {
    CANNOT_BE_GIVEN, CANNOT_REASONABLY_BE_OBTAINED, WOULD_PREJUDICE_PROTECTION
}
