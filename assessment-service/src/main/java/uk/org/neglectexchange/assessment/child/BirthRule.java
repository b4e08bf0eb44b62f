package uk.org.neglectexchange.assessment.child;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import uk.org.neglectexchange.assessment.identity.NhsNumber;
import uk.org.neglectexchange.platform.problem.Problem.FieldError;
import uk.org.neglectexchange.platform.problem.ProblemException;

/**
 * Who may record a birth and what it must hold. The registering (lead) agency or children's services record it
 * (others 403); only for a child registered unborn (409); once (a different second birth is a 409). The date of birth
 * is not in the future, nor more than {@link #EARLIEST_BEFORE_DUE_WEEKS} weeks before the expected date (the earliest
 * births that survive come at about 22 weeks' gestation, 18 weeks before term) nor more than
 * {@link #LATEST_AFTER_DUE_WEEKS} weeks after it (labour is induced by 42 weeks); a given NHS number is valid.
 */
public final class BirthRule {

    public static final String CHILDRENS_SERVICES = "CHILDRENS_SERVICES";
    static final int EARLIEST_BEFORE_DUE_WEEKS = 20;
    static final int LATEST_AFTER_DUE_WEEKS = 6;

    private BirthRule() {
    }

    /** 403 unless the caller's agency registered the child or is children's services. */
    public static void requireRecorder(String callerAgency, String leadAgency) {
        if (!callerAgency.equals(leadAgency) && !callerAgency.equals(CHILDRENS_SERVICES)) {
            throw ProblemException.forbidden("A birth is recorded by the agency that registered the child (" + leadAgency
                    + ") or by children's services");
        }
    }

    /** 409 for a child registered as born: there is no birth to record. */
    public static void requireRegisteredUnborn(LocalDate expectedDateOfBirth) {
        if (expectedDateOfBirth == null) {
            throw ProblemException.conflict("This child was registered as born, not unborn: there is no birth to record");
        }
    }

    /** 409 for a second birth that says something else than the one recorded. */
    public static void refuseDifferentSecondBirth(boolean sameAsRecorded) {
        if (!sameAsRecorded) {
            throw ProblemException.conflict("This child's birth is recorded already, with other details: "
                    + "a birth is recorded once");
        }
    }

    /**
     * An NHS number is one child's: another child's (the registration would find that one, 200 with its childRef)
     * is a 409 naming it in the caller's partnership, and the registration's 409 when it is another partnership's.
     */
    public static void refuseNhsNumberOfAnotherChild(Child other, String partnership) {
        if (!other.partnership.equals(partnership)) {
            throw ProblemException.conflict("This NHS number is a child's registered with another partnership: ask it to transfer the record");
        }
        throw ProblemException.conflict("This NHS number is child " + other.childRef + "'s, registered already: "
                + "if it is the same child, the records are duplicates");
    }

    /** A birth names at most the NHS number the child already has. */
    /** {@code givenHashes}: the given NHS number's hash under each configured matching key (a rotation may be under way). */
    public static void refuseOtherNhsNumber(String recordedHash, List<String> givenHashes) {
        if (recordedHash != null && !givenHashes.contains(recordedHash)) {
            throw ProblemException.unprocessable("nhsNumber", "differs from the NHS number recorded for this child");
        }
    }

    public static List<FieldError> breaches(NewBirth birth, LocalDate expectedDateOfBirth, LocalDate today,
            boolean allowTestNhsNumbers) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate born = birth.dateOfBirth();
        if (born.isAfter(today)) {
            errors.add(new FieldError("dateOfBirth", "is in the future: record the birth once the baby is born"));
        } else if (born.isBefore(expectedDateOfBirth.minusWeeks(EARLIEST_BEFORE_DUE_WEEKS))) {
            errors.add(new FieldError("dateOfBirth", "is more than " + EARLIEST_BEFORE_DUE_WEEKS
                    + " weeks before the expected date of birth"));
        } else if (born.isAfter(expectedDateOfBirth.plusWeeks(LATEST_AFTER_DUE_WEEKS))) {
            errors.add(new FieldError("dateOfBirth", "is more than " + LATEST_AFTER_DUE_WEEKS
                    + " weeks after the expected date of birth"));
        }
        if (birth.nhsNumber() != null) {
            try {
                NhsNumber.parse(birth.nhsNumber(), allowTestNhsNumbers);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("nhsNumber", e.getMessage()));
            }
        }
        return errors;
    }
}
