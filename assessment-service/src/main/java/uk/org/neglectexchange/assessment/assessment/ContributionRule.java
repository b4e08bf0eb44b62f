package uk.org.neglectexchange.assessment.assessment;

import java.util.ArrayList;
import java.util.List;

import uk.org.neglectexchange.assessment.toolkit.ToolkitEdition;
import uk.org.neglectexchange.platform.problem.Problem.FieldError;

/**
 * A contribution shares something, and each observation grades an indicator of the assessment's own edition
 * (the same toolkit family) for the child's age band: codes of another family, unknown codes and another band's
 * codes are refused.
 */
public final class ContributionRule {

    private ContributionRule() {
    }

    public static List<FieldError> breaches(NewContribution contribution, ToolkitEdition edition, String ageBand) {
        List<FieldError> errors = new ArrayList<>();
        if (contribution.observationsOrNone().isEmpty() && contribution.concernsOrNone().isEmpty()
                && contribution.strengthsOrNone().isEmpty() && contribution.evidenceOrNone().isEmpty()) {
            errors.add(new FieldError("observations",
                    "a contribution shares at least one observation, concern, strength or piece of evidence"));
        }
        List<NewContribution.NewObservation> observations = contribution.observationsOrNone();
        for (int i = 0; i < observations.size(); i++) {
            String field = "observations[" + i + "]";
            if (observations.get(i) == null) {
                errors.add(new FieldError(field, "must not be null"));
                continue;
            }
            String message = indicatorBreach(observations.get(i).indicatorCode(), edition, ageBand);
            if (message != null) {
                errors.add(new FieldError(field + ".indicatorCode", message));
            }
        }
        errors.addAll(TextItems.breaches("concerns", contribution.concernsOrNone()));
        errors.addAll(TextItems.breaches("strengths", contribution.strengthsOrNone()));
        errors.addAll(TextItems.breaches("evidence", contribution.evidenceOrNone()));
        return errors;
    }

    private static String indicatorBreach(String code, ToolkitEdition edition, String ageBand) {
        if (code == null || code.isBlank()) {
            return null; // bean validation names it
        }
        if (!code.startsWith(edition.family + ".")) {
            return "is not a code of toolkit family " + edition.family + ", which this assessment uses";
        }
        var indicator = edition.indicator(code);
        if (indicator.isEmpty()) {
            return "is not an indicator of toolkit edition " + edition.family + " " + edition.version;
        }
        return indicator.get().ageBand().equals(ageBand) ? null
                : "is an indicator for age band " + indicator.get().ageBand() + ", not this child's age band " + ageBand;
    }
}
