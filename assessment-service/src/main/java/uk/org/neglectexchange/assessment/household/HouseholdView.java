package uk.org.neglectexchange.assessment.household;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import uk.org.neglectexchange.assessment.child.AgeBand;

/** A child's household: its siblings within the caller's partnership, and its carers. */
public record HouseholdView(String childRef, List<SiblingView> siblings, List<CarerView> carers) {

    public record SiblingView(String childRef, SiblingRelationship relationship, AgeBand ageBand, boolean unborn,
            OffsetDateTime linkedAt) {
    }

    /** A carer of the child; {@code identity} only for clients with the identity-read role. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CarerView(String carerRef, CarerRelationship relationship, boolean livesWithChild, OffsetDateTime linkedAt,
            Identity identity) {
    }

    public record Identity(String givenName, String familyName) {

        @Override
        public String toString() {
            return "Identity[redacted]";
        }
    }
}
