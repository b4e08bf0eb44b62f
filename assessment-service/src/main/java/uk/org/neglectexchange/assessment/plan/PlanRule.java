package uk.org.neglectexchange.assessment.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import uk.org.neglectexchange.platform.problem.Problem.FieldError;

/**
 * What a plan must satisfy: a child protection plan names its category (neglect, emotional, physical or sexual
 * abuse) and no other plan has one; it starts no later than today in England; a child has one open plan of a kind
 * at a time, and a new one does not start before the previous plan of its kind ended (the periods, counted by the
 * dashboard and the drift rule, never overlap); a plan ends no earlier than it started and no later than today.
 * Each breach names its field, never the value.
 */
public final class PlanRule {

    private PlanRule() {
    }

    /** {@code sameKind}: the child's plans of the new plan's kind, open or ended. */
    public static List<FieldError> startBreaches(NewPlan plan, LocalDate today, List<Plan> sameKind) {
        List<FieldError> errors = new ArrayList<>();
        if (plan.kind() == PlanKind.CHILD_PROTECTION && plan.category() == null) {
            errors.add(new FieldError("category", "is required on a child protection plan: NEGLECT, EMOTIONAL_ABUSE,"
                    + " PHYSICAL_ABUSE or SEXUAL_ABUSE"));
        }
        if (plan.kind() != PlanKind.CHILD_PROTECTION && plan.category() != null) {
            errors.add(new FieldError("category", "is given only on a child protection plan"));
        }
        if (plan.startDate().isAfter(today)) {
            errors.add(new FieldError("startDate", "must not be in the future (today in England)"));
        }
        if (sameKind.stream().anyMatch(p -> p.endDate == null)) {
            errors.add(new FieldError("kind", "the child already has an open plan of this kind: end it first"));
        } else if (sameKind.stream().anyMatch(p -> p.endDate.isAfter(plan.startDate()))) {
            errors.add(new FieldError("startDate", "must not be before the end of the child's previous plan of this kind"));
        }
        return errors;
    }

    public static List<FieldError> endBreaches(Plan plan, PlanEnding ending, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (ending.endDate().isBefore(plan.startDate)) {
            errors.add(new FieldError("endDate", "must not be before the plan's start date"));
        }
        if (ending.endDate().isAfter(today)) {
            errors.add(new FieldError("endDate", "must not be in the future (today in England)"));
        }
        return errors;
    }
}
