package uk.org.neglectexchange.escalation.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import uk.org.neglectexchange.escalation.caseprojection.FactKind;

/** D7: three concerns from two agencies within 90 days and no assessment started since the first. */
class ConcernsWithoutAssessmentRuleTest {

    private final ConcernsWithoutAssessmentRule rule = new ConcernsWithoutAssessmentRule();

    @Test
    void threeConcernsFromTwoAgenciesWithoutAnAssessmentRaiseOneCondition() {
        Cases cases = new Cases();
        cases.add(FactKind.CONCERN, "2026-09-01", null, "HEALTH");
        cases.add(FactKind.CONCERN, "2026-10-01", null, "EDUCATION");
        cases.add(FactKind.CONCERN, "2026-11-01", null, "HEALTH");
        var found = rule.conditions(cases.history(), Cases.DEFAULTS, LocalDate.parse("2026-11-02"));
        assertEquals(1, found.size());
        assertEquals(3, found.get(0).evidence().size());
        assertTrue(rule.conditions(cases.history(), Cases.DEFAULTS, LocalDate.parse("2026-12-01")).isEmpty(),
                "the first concern has left the 90-day window");
    }

    @Test
    void concernsFromOneAgencyOrFollowedByAnAssessmentRaiseNothing() {
        Cases oneAgency = new Cases();
        oneAgency.add(FactKind.CONCERN, "2026-09-01", null, "HEALTH");
        oneAgency.add(FactKind.CONCERN, "2026-10-01", null, "HEALTH");
        oneAgency.add(FactKind.CONCERN, "2026-11-01", null, "HEALTH");
        assertTrue(rule.conditions(oneAgency.history(), Cases.DEFAULTS, LocalDate.parse("2026-11-02")).isEmpty());

        Cases assessed = new Cases();
        assessed.add(FactKind.CONCERN, "2026-09-01", null, "HEALTH");
        assessed.add(FactKind.CONCERN, "2026-10-01", null, "EDUCATION");
        assessed.add(FactKind.ASSESSMENT_STARTED, "2026-10-15");
        assessed.add(FactKind.CONCERN, "2026-11-01", null, "HEALTH");
        assertTrue(rule.conditions(assessed.history(), Cases.DEFAULTS, LocalDate.parse("2026-11-02")).isEmpty());
    }
}
