package uk.org.neglectexchange.assessment.child;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import uk.org.neglectexchange.assessment.identity.NhsNumber;
import uk.org.neglectexchange.platform.problem.Problem.FieldError;

/**
 * What a registration must hold: a valid NHS number if one is given; a date of birth (a child under 18, with a
 * given name) or an expected date of birth (an unborn baby, due from 60 days ago to 10 months ahead), not both.
 * And how identities are normalised before they are hashed for matching.
 */
public final class ChildRegistrationRule {

    private ChildRegistrationRule() {
    }

    public static List<FieldError> breaches(NewChild child, LocalDate today, boolean allowTestNhsNumbers) {
        List<FieldError> errors = new ArrayList<>();
        if (child.nhsNumber() != null) {
            try {
                NhsNumber.parse(child.nhsNumber(), allowTestNhsNumbers);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("nhsNumber", e.getMessage()));
            }
        }
        boolean born = child.dateOfBirth() != null;
        if (born == (child.expectedDateOfBirth() != null)) {
            errors.add(new FieldError("dateOfBirth", "give either dateOfBirth or, for an unborn baby, expectedDateOfBirth"));
        } else if (born) {
            if (child.dateOfBirth().isAfter(today)) {
                errors.add(new FieldError("dateOfBirth", "is in the future: for an unborn baby give expectedDateOfBirth"));
            } else if (!child.dateOfBirth().isAfter(today.minusYears(18))) {
                errors.add(new FieldError("dateOfBirth", "is 18 or more years ago: the exchange is about children"));
            }
            if (child.givenName() == null || child.givenName().isBlank()) {
                errors.add(new FieldError("givenName", "is required for a child who has been born"));
            }
        } else if (child.expectedDateOfBirth().isBefore(today.minusDays(60))
                || child.expectedDateOfBirth().isAfter(today.plusMonths(10))) {
            errors.add(new FieldError("expectedDateOfBirth", "must be between 60 days ago and 10 months ahead"));
        }
        return errors;
    }

    /** Case, accents, spacing and punctuation do not make a different child. */
    public static String nameAndDateKey(NewChild child) {
        String date = child.dateOfBirth() != null ? "born:" + child.dateOfBirth() : "due:" + child.expectedDateOfBirth();
        return "name-date:" + normalise(child.familyName()) + "|" + normalise(child.givenName()) + "|" + date;
    }

    private static String normalise(String name) {
        if (name == null) {
            return "";
        }
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", " ").strip();
    }
}
