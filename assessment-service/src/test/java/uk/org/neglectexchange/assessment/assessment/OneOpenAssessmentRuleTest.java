package uk.org.neglectexchange.assessment.assessment;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import uk.org.neglectexchange.platform.problem.ProblemException;

class OneOpenAssessmentRuleTest {

    @Test
    void noneOpenLetsOneOpen() {
        assertDoesNotThrow(() -> OneOpenAssessmentRule.refuseIfOpen(Optional.empty()));
    }

    @Test
    void anOpenOneIsAConflictNamingIt() {
        UUID open = UUID.randomUUID();
        ProblemException e = assertThrows(ProblemException.class, () -> OneOpenAssessmentRule.refuseIfOpen(Optional.of(open)));
        assertEquals(409, e.status());
        assertTrue(e.getMessage().contains(open.toString()));
    }
}
