package uk.org.neglectexchange.assessment.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import uk.org.neglectexchange.assessment.toolkit.EditionPublished;
import uk.org.neglectexchange.assessment.toolkit.ToolkitEdition;
import uk.org.neglectexchange.platform.problem.Problem.FieldError;

/** ContributionRule and CompletionRule, without a server (the share's own rule: sharing/SharingDecisionRuleTest). */
class AssessmentRulesTest {

    private static ToolkitEdition edition() {
        ToolkitEdition edition = new ToolkitEdition();
        edition.family = "HIOW";
        edition.version = "1.0.0";
        edition.thresholdLevels = List.of(new EditionPublished.Level(1, "L1", "Universal"), new EditionPublished.Level(2, "L2", "Early Help"),
                new EditionPublished.Level(3, "L3", "Targeted"), new EditionPublished.Level(4, "L4", "CSC"));
        edition.neglectCategories = List.of("EMOTIONAL", "DEPRESSED_PASSIVE", "DISORGANISED", "SEVERE_DEPRIVATION");
        edition.indicators = List.of(new EditionPublished.Indicator("HIOW.SAFETY.ONLINE.12_17", "SAFETY", "12_17"));
        return edition;
    }

    private static NewContribution observing(String... codes) {
        return new NewContribution(List.of(codes).stream().map(c -> new NewContribution.NewObservation(c, 3, null)).toList(),
                null, null, null, "assessment", "PUBLIC_TASK_SAFEGUARDING_CHILDREN", null, "GIVEN", null, null);
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    @Test
    void observationsGradeTheEditionsIndicatorsForTheChildsAgeBand() {
        NewContribution contribution = observing("HIOW.SAFETY.ONLINE.12_17", "WS.SAFETY.ONLINE.12_17", "HIOW.SAFETY.NONE.12_17");
        assertEquals(List.of("observations[1].indicatorCode", "observations[2].indicatorCode"),
                fields(ContributionRule.breaches(contribution, edition(), "12_17")));
        assertEquals(List.of("observations[0].indicatorCode", "observations[1].indicatorCode", "observations[2].indicatorCode"),
                fields(ContributionRule.breaches(contribution, edition(), "5_11")));
        assertEquals(List.of("observations"), fields(ContributionRule.breaches(
                new NewContribution(null, List.of(), null, null, "p", null, null, null, null, null), edition(), "5_11")));
        assertTrue(ContributionRule.breaches(new NewContribution(null, List.of("A concern"), null, null, "p", null, null, null, null, null),
                edition(), "5_11").isEmpty());
    }

    private static NewCompletion decision(String voice, ChildsVoiceAbsentReason absent, String detail) {
        return new NewCompletion("EMOTIONAL", List.of("DISORGANISED"), 2, "Early help", List.of("Loving grandparent"), voice, absent, detail, null);
    }

    @Test
    void completionNeedsTheChildsVoiceOrARecordedReasonExactlyOnce() {
        assertTrue(CompletionRule.breaches(decision("I like school", null, null), edition(), "5_11", 1).isEmpty());
        assertTrue(CompletionRule.breaches(decision(null, ChildsVoiceAbsentReason.UNBORN, null), edition(), "PRE_BIRTH", 1).isEmpty());
        assertEquals(List.of("childsVoice"), fields(CompletionRule.breaches(decision(" ", null, null), edition(), "5_11", 1)));
        assertEquals(List.of("childsVoice"), fields(CompletionRule.breaches(decision("Hi", ChildsVoiceAbsentReason.DECLINED, null),
                edition(), "5_11", 1)));
        assertEquals(List.of("childsVoiceAbsentReason"), fields(CompletionRule.breaches(decision(null, ChildsVoiceAbsentReason.UNBORN,
                null), edition(), "0_4", 1)));
        assertEquals(List.of("childsVoiceAbsentDetail"), fields(CompletionRule.breaches(decision(null,
                ChildsVoiceAbsentReason.NOT_SEEN_WITH_REASON, null), edition(), "5_11", 1)));
    }

    @Test
    void completionNeedsAContributionAndTheEditionsCategoriesAndLevels() {
        assertEquals(List.of("contributions"), fields(CompletionRule.breaches(decision("Hi", null, null), edition(), "5_11", 0)));
        NewCompletion wrong = new NewCompletion("NEGLECT", List.of("EMOTIONAL", "EMOTIONAL"), 0, " ", List.of(), "Hi", null, null, null);
        assertEquals(List.of("primaryCategory", "otherCategories[1]", "thresholdLevel", "rationale", "strengths"),
                fields(CompletionRule.breaches(wrong, edition(), "5_11", 1)));
    }
}
