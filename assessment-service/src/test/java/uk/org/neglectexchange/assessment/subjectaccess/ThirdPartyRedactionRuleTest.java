package uk.org.neglectexchange.assessment.subjectaccess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class ThirdPartyRedactionRuleTest {

    final ThirdPartyRedactionRule rule = ThirdPartyRedactionRule.forChild(List.of("Sam", "Okafor"),
            Arrays.asList("Anne", "Anne-Marie", "Okafor", "Jo Ellen", null, "B"));

    @Test
    void householdNamesAreMaskedAsWholeWordsInAnyCase() {
        assertEquals("[name redacted] and [name redacted] visited; Annex closed",
                rule.text("anne-marie and ANNE visited; Annex closed"));
        assertEquals("[name redacted] [name redacted] said so", rule.text("Jo Ellen said so"));
    }

    @Test
    void theChildsOwnNamesStayEvenWhenAHouseholdMemberSharesThem() {
        assertEquals("Sam Okafor with [name redacted]", rule.text("Sam Okafor with Anne"));
    }

    @Test
    void singleLettersNothingAndPractitionersAreHandled() {
        assertEquals("B block", rule.text("B block"));
        assertNull(rule.text(null));
        assertNull(ThirdPartyRedactionRule.practitioner(null));
        assertEquals(ThirdPartyRedactionRule.PRACTITIONER, ThirdPartyRedactionRule.practitioner("p-1"));
        assertEquals("Anne", ThirdPartyRedactionRule.forChild(List.of("Sam"), List.of()).text("Anne"));
    }
}
