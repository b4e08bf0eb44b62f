package uk.org.neglectexchange.assessment.child;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A child as a client sees it; {@code identity} only for clients with the identity-read role. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChildView(String childRef, String partnership, String leadAgency, AgeBand ageBand, boolean unborn,
        OffsetDateTime registeredAt, Identity identity) {

    public record Identity(String nhsNumber, String givenName, String familyName, LocalDate dateOfBirth,
            LocalDate expectedDateOfBirth) {

        @Override
        public String toString() {
            return "Identity[redacted]";
        }
    }
}
