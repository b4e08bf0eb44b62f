package uk.org.neglectexchange.assessment.sharing;

import java.util.Set;

/**
 * The lawful basis an agency relies on to see a child's record (RULES.md, information sharing), and the agencies
 * that can rely on it; an empty set means any agency.
 */
public enum LawfulBasis {
    /** UK GDPR Art 6(1)(e) public task with Art 9(2)(g) and DPA 2018 Sch 1 para 18, safeguarding of children. */
    PUBLIC_TASK_SAFEGUARDING(Set.of()),
    /** UK GDPR Art 6(1)(e) with Art 9(2)(h): health or social care, by health or social care professionals. */
    HEALTH_AND_SOCIAL_CARE(Set.of("HEALTH", "CHILDRENS_SERVICES")),
    /** DPA 2018 Part 3 and Sch 8: law enforcement processing, by a competent authority. */
    LAW_ENFORCEMENT(Set.of("POLICE"));

    private final Set<String> agencies;

    LawfulBasis(Set<String> agencies) {
        this.agencies = agencies;
    }

    public boolean availableTo(String agency) {
        return agencies.isEmpty() || agencies.contains(agency);
    }
}
