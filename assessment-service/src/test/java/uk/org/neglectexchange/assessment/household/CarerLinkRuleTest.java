package uk.org.neglectexchange.assessment.household;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import uk.org.neglectexchange.platform.problem.Problem.FieldError;

class CarerLinkRuleTest {

    private static List<String> fields(String carerRef, String givenName, String familyName) {
        return CarerLinkRule.breaches(new NewCarerLink(carerRef, givenName, familyName, CarerRelationship.MOTHER, true))
                .stream().map(FieldError::field).toList();
    }

    @Test
    void aKnownCarerIsNamedByCarerRefOnly() {
        assertTrue(fields("CR-ABCDEFGH23", null, null).isEmpty());
        assertEquals(List.of("carerRef"), fields("CR-ABCDEFGH23", null, "Smith"));
        assertEquals(List.of("carerRef"), fields("CR-ABCDEFGH23", "Ann", null));
    }

    @Test
    void aNewCarerNeedsAtLeastAFamilyName() {
        assertTrue(fields(null, null, "Smith").isEmpty());
        assertTrue(fields(null, "Ann", "Smith").isEmpty());
        assertEquals(List.of("familyName"), fields(null, "Ann", null));
        assertEquals(List.of("familyName"), fields(null, null, "  "));
    }
}
