package uk.org.neglectexchange.assessment.assessment;

import java.util.ArrayList;
import java.util.List;

import uk.org.neglectexchange.platform.problem.Problem.FieldError;

/** Lists of short free texts (concerns, strengths, evidence): each item present and at most 1000 characters. */
final class TextItems {

    static final int MAX_LENGTH = 1000;

    private TextItems() {
    }

    static List<FieldError> breaches(String field, List<String> items) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String item = items.get(i);
            if (item == null || item.isBlank()) {
                errors.add(new FieldError(field + "[" + i + "]", "must not be blank"));
            } else if (item.length() > MAX_LENGTH) {
                errors.add(new FieldError(field + "[" + i + "]", "must be at most " + MAX_LENGTH + " characters"));
            }
        }
        return errors;
    }

    static List<String> stripped(List<String> items) {
        return items.stream().map(String::strip).toList();
    }
}
