package uk.org.neglectexchange.assessment.household;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Links a carer to a child: a known carer by {@code carerRef} (siblings share their carers), or a new one by name.
 * The names are encrypted at rest and shown only to clients with the identity-read role.
 */
public record NewCarerLink(
        @Pattern(regexp = "CR-[A-Z2-9]{10}", message = "must be a carerRef such as CR-ABCDEFGH23") String carerRef,
        @Size(max = 100) @Pattern(regexp = "[\\p{L}' .-]*", message = "must be letters, spaces, apostrophes, dots or hyphens") String givenName,
        @Size(max = 100) @Pattern(regexp = "[\\p{L}' .-]*", message = "must be letters, spaces, apostrophes, dots or hyphens") String familyName,
        @NotNull CarerRelationship relationship,
        @NotNull Boolean livesWithChild) {

    /** Never shows the names: a record's generated toString would. */
    @Override
    public String toString() {
        return "NewCarerLink[redacted]";
    }
}
