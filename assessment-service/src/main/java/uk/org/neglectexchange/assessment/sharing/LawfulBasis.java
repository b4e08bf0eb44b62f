package uk.org.neglectexchange.assessment.sharing;

import java.util.Set;

/**
 * The lawful basis of a share (RULES.md, information sharing), one vocabulary for reads and contributions: each code
 * names the UK GDPR Art 6 basis with its Art 9 condition, or DPA 2018 Part 3 (the table in the README). The set holds
 * the agencies that can rely on it; empty means any agency.
 */
public enum LawfulBasis {
    /** UK GDPR Art 6(1)(e) public task; Art 9(2)(g) with DPA 2018 s10(3) and Sch 1 para 18, safeguarding of children. */
    PUBLIC_TASK_SAFEGUARDING_CHILDREN(Set.of()),
    /** UK GDPR Art 6(1)(e); Art 9(2)(h) with DPA 2018 s10(2) and Sch 1 para 2: health or social care professionals. */
    PUBLIC_TASK_HEALTH_SOCIAL_CARE(Set.of("HEALTH", "CHILDRENS_SERVICES")),
    /** DPA 2018 Part 3 (s31, s35; sensitive processing under Sch 8 para 4): law enforcement, by a competent authority. */
    LAW_ENFORCEMENT_PART_3(Set.of("POLICE"));

    private final Set<String> agencies;

    LawfulBasis(Set<String> agencies) {
        this.agencies = agencies;
    }

    public boolean availableTo(String agency) {
        return agencies.isEmpty() || agencies.contains(agency);
    }
}
