package uk.org.neglectexchange.assessment.assessment;

/** The vocabulary of the information-sharing record (RULES.md, UK GDPR and DPA 2018). */
public final class InformationSharing {

    private InformationSharing() {
    }

    /** UK GDPR Art 6(1)(e) public task, or DPA 2018 Part 3 for police law-enforcement processing. */
    public enum LawfulBasis {
        PUBLIC_TASK_6_1_E, LAW_ENFORCEMENT_PART3
    }

    /** Art 9 condition for special-category data under the public task: Sch 1 para 18 safeguarding, or 9(2)(h). */
    public enum SpecialCategoryCondition {
        SAFEGUARDING_SCH1_PARA18, HEALTH_SOCIAL_CARE_9_2_H
    }

    public enum Consent {
        GIVEN, NOT_SOUGHT, REFUSED
    }

    /** DPA 2018 Sch 1 para 18(2): why the share goes ahead without consent. */
    public enum Para18Reason {
        CANNOT_BE_GIVEN, CANNOT_REASONABLY_BE_OBTAINED, WOULD_PREJUDICE_PROTECTION
    }
}
