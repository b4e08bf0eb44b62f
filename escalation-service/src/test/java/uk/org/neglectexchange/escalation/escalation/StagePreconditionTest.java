package uk.org.neglectexchange.escalation.escalation;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import uk.org.neglectexchange.platform.problem.ProblemException;

class StagePreconditionTest {

    private static final EscalationStatus OPEN = EscalationStatus.OPEN;

    @Test
    void theTagNamesTheStageAndTheResolution() {
        assertEquals("\"stage-2\"", StagePrecondition.etag(2, OPEN));
        assertEquals("\"stage-4-resolved\"", StagePrecondition.etag(4, EscalationStatus.RESOLVED));
    }

    @Test
    void theCurrentStageOrTagPasses() {
        assertDoesNotThrow(() -> StagePrecondition.require(2, OPEN, 2, null));
        assertDoesNotThrow(() -> StagePrecondition.require(2, OPEN, null, "\"stage-2\""));
        assertDoesNotThrow(() -> StagePrecondition.require(2, OPEN, null, "\"stage-1\", \"stage-2\""));
        assertDoesNotThrow(() -> StagePrecondition.require(2, OPEN, null, "*"));
    }

    @Test
    void aStaleExpectedStageIsAConflictNamingTheCurrentOneNotTheSentOne() {
        ProblemException e = assertThrows(ProblemException.class, () -> StagePrecondition.require(3, OPEN, 1, null));
        assertEquals(409, e.status());
        assertTrue(e.getMessage().contains("stage 3"), e.getMessage());
        assertFalse(e.getMessage().contains("stage 1"), e.getMessage());
        assertEquals("expectedStage", e.errors().get(0).field());
    }

    @Test
    void aStaleOrWeakTagFailsThePrecondition() {
        for (String stale : new String[] { "\"stage-1\"", "W/\"stage-2\"", "stage-2" }) {
            ProblemException e = assertThrows(ProblemException.class, () -> StagePrecondition.require(2, OPEN, null, stale));
            assertEquals(412, e.status());
            assertEquals("If-Match", e.errors().get(0).field());
        }
    }

    @Test
    void bothAreChecked() {
        assertEquals(409, assertThrows(ProblemException.class,
                () -> StagePrecondition.require(2, OPEN, 1, "\"stage-2\"")).status());
    }

    @Test
    void neitherIsAPreconditionRequired() {
        ProblemException e = assertThrows(ProblemException.class, () -> StagePrecondition.require(1, OPEN, null, null));
        assertEquals(428, e.status());
        assertEquals("expectedStage", e.errors().get(0).field());
    }
}
