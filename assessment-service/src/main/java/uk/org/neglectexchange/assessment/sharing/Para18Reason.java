package uk.org.neglectexchange.assessment.sharing;

/**
 * Why a child's data is shared without consent: DPA 2018 Sch 1 para 18(2)(a), (b), (c); for police processing the
 * same reasons of Sch 8 para 4(2).
 */
public enum Para18Reason {
    CANNOT_BE_GIVEN, CANNOT_REASONABLY_BE_OBTAINED, WOULD_PREJUDICE_PROTECTION
}
