package uk.org.neglectexchange.assessment.assessment;

import java.util.ArrayList;
import java.util.List;

import uk.org.neglectexchange.assessment.assessment.InformationSharing.Consent;
import uk.org.neglectexchange.assessment.assessment.InformationSharing.LawfulBasis;
import uk.org.neglectexchange.platform.problem.Problem.FieldError;

/**
 * Golden rule 7: every share records its purpose and lawful basis. The public task needs a special-category
 * condition (Sch 1 para 18 or 9(2)(h)); DPA 2018 Part 3 is for police law-enforcement processing only. Consent is
 * recorded, and a share without it names the para 18 reason that applies.
 */
public final class InformationSharingRule {

    private InformationSharingRule() {
    }

    public static List<FieldError> breaches(NewContribution share, String agency) {
        List<FieldError> errors = new ArrayList<>();
        if (share.purpose() == null || share.purpose().isBlank()) {
            errors.add(new FieldError("purpose", "is required: why this information is shared (golden rule 7)"));
        }
        if (share.lawfulBasis() == null) {
            errors.add(new FieldError("lawfulBasis", "is required: PUBLIC_TASK_6_1_E or, for police, LAW_ENFORCEMENT_PART3"));
        } else if (share.lawfulBasis() == LawfulBasis.LAW_ENFORCEMENT_PART3) {
            if (!"POLICE".equals(agency)) {
                errors.add(new FieldError("lawfulBasis", "LAW_ENFORCEMENT_PART3 is for police processing only"));
            }
            if (share.specialCategoryCondition() != null) {
                errors.add(new FieldError("specialCategoryCondition", "applies only with PUBLIC_TASK_6_1_E"));
            }
        } else if (share.specialCategoryCondition() == null) {
            errors.add(new FieldError("specialCategoryCondition",
                    "is required with PUBLIC_TASK_6_1_E: SAFEGUARDING_SCH1_PARA18 or HEALTH_SOCIAL_CARE_9_2_H"));
        }
        if (share.consent() == null) {
            errors.add(new FieldError("consent", "is required: GIVEN, NOT_SOUGHT or REFUSED"));
        } else if (share.consent() != Consent.GIVEN && share.para18Reason() == null) {
            errors.add(new FieldError("para18Reason", "is required when sharing without consent: CANNOT_BE_GIVEN, "
                    + "CANNOT_REASONABLY_BE_OBTAINED or WOULD_PREJUDICE_PROTECTION"));
        } else if (share.consent() == Consent.GIVEN && share.para18Reason() != null) {
            errors.add(new FieldError("para18Reason", "applies only when sharing without consent"));
        }
        return errors;
    }
}
