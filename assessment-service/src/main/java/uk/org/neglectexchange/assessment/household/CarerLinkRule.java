package uk.org.neglectexchange.assessment.household;

import java.util.ArrayList;
import java.util.List;

import uk.org.neglectexchange.platform.problem.Problem.FieldError;

/** A carer link names a known carer (carerRef) or a new one (at least a family name), never both. */
public final class CarerLinkRule {

    private CarerLinkRule() {
    }

    public static List<FieldError> breaches(NewCarerLink link) {
        List<FieldError> errors = new ArrayList<>();
        boolean named = !isBlank(link.givenName()) || !isBlank(link.familyName());
        if (link.carerRef() != null && named) {
            errors.add(new FieldError("carerRef", "give carerRef for a known carer or names for a new one, not both"));
        } else if (link.carerRef() == null && isBlank(link.familyName())) {
            errors.add(new FieldError("familyName", "is required for a new carer (or give the carerRef of a known one)"));
        }
        return errors;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
