package uk.org.neglectexchange.assessment.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import uk.org.neglectexchange.platform.problem.ProblemException;

class ChildMergeRuleTest {

    private static final String SURVIVING = "CH-AAAAAAAAAA";
    private static final String DUPLICATE = "CH-BBBBBBBBBB";

    private static ChildMergeRule.Candidates mergeable() {
        return new ChildMergeRule.Candidates(SURVIVING, DUPLICATE, true, null, "hash-1", null, Optional.of(UUID.randomUUID()),
                Optional.empty(), List.of(), false);
    }

    private static Optional<ProblemException> refusal(ChildMergeRule.Candidates records) {
        return ChildMergeRule.refusal("CHILDRENS_SERVICES", records);
    }

    @Test
    void childrensServicesMergesTwoRecordsThatCanBeOneChild() {
        assertTrue(refusal(mergeable()).isEmpty());
        // the same NHS number on both cannot happen (it is unique), but two unknown ones can be one child
        var neitherKnown = new ChildMergeRule.Candidates(SURVIVING, DUPLICATE, true, null, null, null, Optional.empty(),
                Optional.empty(), List.of(), false);
        assertTrue(refusal(neitherKnown).isEmpty());
    }

    @Test
    void eachReasonToRefuseIsItsOwnAnswer() {
        assertEquals(403, ChildMergeRule.refusal("HEALTH", mergeable()).orElseThrow().status());
        var m = mergeable();
        assertEquals(422, refusal(new ChildMergeRule.Candidates(SURVIVING, SURVIVING, true, null, null, null,
                Optional.empty(), Optional.empty(), List.of(), false)).orElseThrow().status());
        assertEquals(422, refusal(new ChildMergeRule.Candidates(SURVIVING, DUPLICATE, false, null, null, null,
                Optional.empty(), Optional.empty(), List.of(), false)).orElseThrow().status());
        assertEquals(409, refusal(new ChildMergeRule.Candidates(SURVIVING, DUPLICATE, true, "CH-CCCCCCCCCC", null, null,
                Optional.empty(), Optional.empty(), List.of(), false)).orElseThrow().status());
        assertEquals(422, refusal(new ChildMergeRule.Candidates(SURVIVING, DUPLICATE, true, null, "hash-1", "hash-2",
                Optional.empty(), Optional.empty(), List.of(), false)).orElseThrow().status());
        assertEquals(409, refusal(new ChildMergeRule.Candidates(SURVIVING, DUPLICATE, true, null, null, null,
                m.survivingOpenAssessment(), Optional.of(UUID.randomUUID()), List.of(), false)).orElseThrow().status());
        ProblemException plans = refusal(new ChildMergeRule.Candidates(SURVIVING, DUPLICATE, true, null, null, null,
                Optional.empty(), Optional.empty(), List.of("EARLY_HELP"), false)).orElseThrow();
        assertEquals(409, plans.status());
        assertTrue(plans.getMessage().contains("EARLY_HELP"));
        assertEquals(409, refusal(new ChildMergeRule.Candidates(SURVIVING, DUPLICATE, true, null, null, null,
                Optional.empty(), Optional.empty(), List.of(), true)).orElseThrow().status());
    }
}
