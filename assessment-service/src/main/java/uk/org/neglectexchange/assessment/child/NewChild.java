package uk.org.neglectexchange.assessment.child;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Registers a child, or finds the one already registered: by NHS number when known, else by names and date of
 * birth (or expected date of birth for an unborn baby, whose given name may not be known yet).
 */
public record NewChild(
        @Size(max = 20) String nhsNumber,
        @Size(max = 100) @Pattern(regexp = "[\\p{L}' .-]*", message = "must be letters, spaces, apostrophes, dots or hyphens") String givenName,
        @NotBlank @Size(max = 100) @Pattern(regexp = "[\\p{L}' .-]*", message = "must be letters, spaces, apostrophes, dots or hyphens") String familyName,
        LocalDate dateOfBirth,
        LocalDate expectedDateOfBirth,
        @Pattern(regexp = "HSCP|IOWSCP|WSSCP", message = "must be HSCP, IOWSCP or WSSCP") String partnership) {

    /** Never shows the identity: a record's generated toString would. */
    @Override
    public String toString() {
        return "NewChild[redacted]";
    }
}
