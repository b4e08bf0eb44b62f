package uk.org.neglectexchange.assessment.child;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.org.neglectexchange.platform.problem.Problem.FieldError;
import uk.org.neglectexchange.platform.problem.ProblemException;

class BirthRuleTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    static final LocalDate DUE = LocalDate.of(2026, 6, 10);

    static List<String> fields(LocalDate born, String nhs) {
        return BirthRule.breaches(new NewBirth(born, nhs, null), DUE, TODAY, true).stream().map(FieldError::field).toList();
    }

    @Test
    void aBirthUpToTwentyWeeksEarlyOrSixWeeksLateAndNotInTheFutureIsAccepted() {
        assertTrue(fields(TODAY, null).isEmpty());
        assertTrue(fields(DUE.minusWeeks(20), null).isEmpty());
        assertEquals(List.of("dateOfBirth"), fields(DUE.minusWeeks(20).minusDays(1), null));
        assertEquals(List.of("dateOfBirth"), fields(TODAY.plusDays(1), null));
        LocalDate due = LocalDate.of(2026, 3, 1);
        assertTrue(BirthRule.breaches(new NewBirth(due.plusWeeks(6), null, null), due, TODAY, true).isEmpty());
        assertEquals(1, BirthRule.breaches(new NewBirth(due.plusWeeks(6).plusDays(1), null, null), due, TODAY, true).size());
    }

    @Test
    void anNhsNumberMustBeValid() {
        assertEquals(List.of("nhsNumber"), fields(TODAY, "1234567890"));
        assertTrue(fields(TODAY, "9434765919").isEmpty());
    }

    @Test
    void theRegisteringAgencyOrChildrensServicesRecordIt() {
        assertDoesNotThrow(() -> BirthRule.requireRecorder("HEALTH", "HEALTH"));
        assertDoesNotThrow(() -> BirthRule.requireRecorder("CHILDRENS_SERVICES", "HEALTH"));
        assertEquals(403, assertThrows(ProblemException.class, () -> BirthRule.requireRecorder("POLICE", "HEALTH")).status());
    }

    @Test
    void onlyForAChildRegisteredUnbornAndOnce() {
        assertEquals(409, assertThrows(ProblemException.class, () -> BirthRule.requireRegisteredUnborn(null)).status());
        assertDoesNotThrow(() -> BirthRule.requireRegisteredUnborn(DUE));
        assertDoesNotThrow(() -> BirthRule.refuseDifferentSecondBirth(true));
        assertEquals(409, assertThrows(ProblemException.class, () -> BirthRule.refuseDifferentSecondBirth(false)).status());
    }

    @Test
    void anNhsNumberIsOneChilds() {
        assertEquals(422, assertThrows(ProblemException.class, () -> BirthRule.refuseOtherNhsNumber("a", List.of("b"))).status());
        assertDoesNotThrow(() -> BirthRule.refuseOtherNhsNumber(null, List.of("b")));
        Child other = new Child();
        other.childRef = "CH-AAAAAAAAAA";
        other.partnership = "HSCP";
        ProblemException same = assertThrows(ProblemException.class, () -> BirthRule.refuseNhsNumberOfAnotherChild(other, "HSCP"));
        assertEquals(409, same.status());
        assertTrue(same.getMessage().contains("CH-AAAAAAAAAA"));
        ProblemException elsewhere = assertThrows(ProblemException.class, () -> BirthRule.refuseNhsNumberOfAnotherChild(other, "WSSCP"));
        assertTrue(elsewhere.getMessage().contains("another partnership") && !elsewhere.getMessage().contains("CH-AAAAAAAAAA"));
    }
}
