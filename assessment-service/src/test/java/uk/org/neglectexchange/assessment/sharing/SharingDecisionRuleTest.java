package uk.org.neglectexchange.assessment.sharing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import uk.org.neglectexchange.assessment.sharing.SharingDecisionRule.Channel;
import uk.org.neglectexchange.assessment.sharing.SharingDecisionRule.Stated;
import uk.org.neglectexchange.platform.problem.Problem.FieldError;
import uk.org.neglectexchange.platform.problem.ProblemException;

/** One rule for every share: a read states it in headers, a contribution in its body. */
class SharingDecisionRuleTest {

    private static Stated read(String purpose, String basis, String consent, String reason) {
        return new Stated(purpose, basis, null, consent, reason);
    }

    private static List<String> refused(Stated stated, String agency) {
        ProblemException e = assertThrows(ProblemException.class, () -> SharingDecisionRule.decide(stated, agency));
        assertEquals(400, e.status());
        return e.errors().stream().map(FieldError::field).toList();
    }

    private static SharingDecision contribution(String basis, String condition, String agency) {
        SharingDecisionRule.Ruling ruling = SharingDecisionRule.rule(new Stated("assessment", basis, condition, "GIVEN", null),
                agency, Channel.BODY);
        assertEquals(List.of(), ruling.errors());
        return ruling.decision();
    }

    @Test
    void sharingWithConsentNeedsPurposeBasisAndConsent() {
        assertEquals(new SharingDecision("CIN", LawfulBasis.PUBLIC_TASK_SAFEGUARDING_CHILDREN, Consent.GIVEN, null, false),
                SharingDecisionRule.decide(read("CIN", "PUBLIC_TASK_SAFEGUARDING_CHILDREN", "GIVEN", null), "EDUCATION"));
        assertEquals(List.of("X-Purpose", "X-Lawful-Basis", "X-Consent"), refused(read(null, null, null, null), "HEALTH"));
        assertEquals(List.of("X-Consent"), refused(read("CIN", "PUBLIC_TASK_SAFEGUARDING_CHILDREN", "MAYBE", null), "HEALTH"));
        assertEquals(List.of("X-Para18-Reason"),
                refused(read("CIN", "PUBLIC_TASK_SAFEGUARDING_CHILDREN", "GIVEN", "CANNOT_BE_GIVEN"), "HEALTH"));
    }

    @Test
    void sharingWithoutConsentNamesTheParagraph18Reason() {
        assertEquals(new SharingDecision("S47", LawfulBasis.LAW_ENFORCEMENT_PART_3, Consent.REFUSED,
                Para18Reason.WOULD_PREJUDICE_PROTECTION, false), SharingDecisionRule.decide(
                        read("S47", "LAW_ENFORCEMENT_PART_3", "REFUSED", "WOULD_PREJUDICE_PROTECTION"), "POLICE"));
        assertEquals(List.of("X-Para18-Reason"), refused(read("S47", "LAW_ENFORCEMENT_PART_3", "NOT_SOUGHT", null), "POLICE"));
        assertEquals(List.of("X-Para18-Reason"), refused(read("S47", "LAW_ENFORCEMENT_PART_3", "NOT_SOUGHT", "BUSY"), "POLICE"));
    }

    @Test
    void aBasisIsOnlyForTheAgenciesThatCanRelyOnIt() {
        assertEquals(List.of("X-Lawful-Basis"), refused(read("ATT", "LAW_ENFORCEMENT_PART_3", "GIVEN", null), "EDUCATION"));
        assertEquals(List.of("X-Lawful-Basis"), refused(read("ATT", "PUBLIC_TASK_HEALTH_SOCIAL_CARE", "GIVEN", null), "POLICE"));
        assertEquals(LawfulBasis.PUBLIC_TASK_HEALTH_SOCIAL_CARE, SharingDecisionRule.decide(
                read("CIN", "PUBLIC_TASK_HEALTH_SOCIAL_CARE", "GIVEN", null), "CHILDRENS_SERVICES").lawfulBasis());
        // the same for a contribution, which the previous rule let any agency make under 9(2)(h)
        SharingDecisionRule.Ruling school = SharingDecisionRule.rule(new Stated("assessment", "PUBLIC_TASK_HEALTH_SOCIAL_CARE",
                null, "GIVEN", null), "EDUCATION", Channel.BODY);
        assertEquals(List.of("lawfulBasis"), school.errors().stream().map(FieldError::field).toList());
        assertFalse(school.unknownCode());
    }

    @Test
    void thePreviousReleasesCodesMeanTheirCanonicalBasisAndAreFlagged() {
        assertEquals(new SharingDecision("CIN", LawfulBasis.PUBLIC_TASK_SAFEGUARDING_CHILDREN, Consent.GIVEN, null, true),
                SharingDecisionRule.decide(read("CIN", "PUBLIC_TASK_SAFEGUARDING", "GIVEN", null), "EDUCATION"));
        assertEquals(LawfulBasis.PUBLIC_TASK_HEALTH_SOCIAL_CARE,
                SharingDecisionRule.decide(read("CIN", "HEALTH_AND_SOCIAL_CARE", "GIVEN", null), "HEALTH").lawfulBasis());
        assertEquals(LawfulBasis.LAW_ENFORCEMENT_PART_3,
                SharingDecisionRule.decide(read("S47", "LAW_ENFORCEMENT", "GIVEN", null), "POLICE").lawfulBasis());

        SharingDecision safeguarding = contribution("PUBLIC_TASK_6_1_E", "SAFEGUARDING_SCH1_PARA18", "EDUCATION");
        assertEquals(LawfulBasis.PUBLIC_TASK_SAFEGUARDING_CHILDREN, safeguarding.lawfulBasis());
        assertTrue(safeguarding.deprecatedCodes());
        assertEquals(LawfulBasis.PUBLIC_TASK_HEALTH_SOCIAL_CARE,
                contribution("PUBLIC_TASK_6_1_E", "HEALTH_SOCIAL_CARE_9_2_H", "HEALTH").lawfulBasis());
        SharingDecision police = contribution("LAW_ENFORCEMENT_PART3", null, "POLICE");
        assertEquals(LawfulBasis.LAW_ENFORCEMENT_PART_3, police.lawfulBasis());
        assertTrue(police.deprecatedCodes());
        assertFalse(contribution("PUBLIC_TASK_SAFEGUARDING_CHILDREN", null, "EDUCATION").deprecatedCodes());
        // an old code keeps to the agencies of the basis it means
        assertEquals(List.of("X-Lawful-Basis"), refused(read("ATT", "LAW_ENFORCEMENT", "GIVEN", null), "EDUCATION"));
    }

    @Test
    void theOldSeparateConditionGoesOnlyWithTheOldPublicTask() {
        SharingDecisionRule.Ruling missing = SharingDecisionRule.rule(new Stated("a", "PUBLIC_TASK_6_1_E", null, "GIVEN", null),
                "HEALTH", Channel.BODY);
        assertEquals(List.of("specialCategoryCondition"), missing.errors().stream().map(FieldError::field).toList());
        assertNull(missing.decision());
        SharingDecisionRule.Ruling redundant = SharingDecisionRule.rule(new Stated("a", "LAW_ENFORCEMENT_PART_3",
                "SAFEGUARDING_SCH1_PARA18", "GIVEN", null), "POLICE", Channel.BODY);
        assertEquals(List.of("specialCategoryCondition"), redundant.errors().stream().map(FieldError::field).toList());
        SharingDecisionRule.Ruling unknown = SharingDecisionRule.rule(new Stated("a", "PUBLIC_TASK_6_1_E", "ART_9_2_Z", "GIVEN",
                null), "HEALTH", Channel.BODY);
        assertTrue(unknown.unknownCode());
        // the old public task was never a header value: a read cannot name its condition
        assertEquals(List.of("X-Lawful-Basis"), refused(read("CIN", "PUBLIC_TASK_6_1_E", "GIVEN", null), "HEALTH"));
    }

    @Test
    void anUnknownCodeIsNamedWithTheAcceptedOnesAndNeverEchoed() {
        SharingDecisionRule.Ruling ruling = SharingDecisionRule.rule(new Stated("assessment", "LEGITIMATE-INTERESTS-X", null,
                "PERHAPS-X", null), "HEALTH", Channel.BODY);
        assertTrue(ruling.unknownCode());
        assertEquals(List.of(new FieldError("lawfulBasis",
                "must be one of PUBLIC_TASK_SAFEGUARDING_CHILDREN, PUBLIC_TASK_HEALTH_SOCIAL_CARE, LAW_ENFORCEMENT_PART_3"),
                new FieldError("consent", "must be one of GIVEN, NOT_SOUGHT, REFUSED")), ruling.errors());
        ProblemException e = SharingDecisionRule.refusal(ruling.errors());
        assertEquals(400, e.status());
        assertFalse(e.getMessage().contains("-X") || e.errors().toString().contains("-X"));
        // a missing code is a breach of the rule, not a word outside the vocabulary
        SharingDecisionRule.Ruling missing = SharingDecisionRule.rule(new Stated(" ", null, null, null, null), "HEALTH", Channel.BODY);
        assertFalse(missing.unknownCode());
        assertEquals(List.of("purpose", "lawfulBasis", "consent"), missing.errors().stream().map(FieldError::field).toList());
    }
}
