package uk.org.neglectexchange.assessment.child;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An unborn baby's birth: the date, the NHS number when known, the given name when chosen. */
public record NewBirth(
        @NotNull LocalDate dateOfBirth,
        @Size(max = 20) String nhsNumber,
        @Size(max = 100) @Pattern(regexp = "[\\p{L}' .-]*", message = "must be letters, spaces, apostrophes, dots or hyphens") String givenName) {

    /** Never shows the identity: a record's generated toString would. */
    @Override
    public String toString() {
        return "NewBirth[redacted]";
    }
}
