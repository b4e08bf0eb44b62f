package uk.org.neglectexchange.assessment.sharing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import uk.org.neglectexchange.platform.problem.Problem.FieldError;
import uk.org.neglectexchange.platform.problem.ProblemException;

class SharingDecisionRuleTest {

    private static List<String> refused(SharingDecisionRule.Stated stated, String agency) {
        ProblemException e = assertThrows(ProblemException.class, () -> SharingDecisionRule.decide(stated, agency));
        assertEquals(400, e.status());
        return e.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void sharingWithConsentNeedsPurposeBasisAndConsent() {
        assertEquals(new SharingDecision("CIN", LawfulBasis.PUBLIC_TASK_SAFEGUARDING, Consent.GIVEN, null),
                SharingDecisionRule.decide(new SharingDecisionRule.Stated("CIN", "PUBLIC_TASK_SAFEGUARDING", "GIVEN", null), "EDUCATION"));
        assertEquals(List.of("X-Purpose", "X-Lawful-Basis", "X-Consent"),
                refused(new SharingDecisionRule.Stated(null, null, null, null), "HEALTH"));
        assertEquals(List.of("X-Consent"), refused(new SharingDecisionRule.Stated("CIN", "PUBLIC_TASK_SAFEGUARDING", "MAYBE", null), "HEALTH"));
        assertEquals(List.of("X-Para18-Reason"),
                refused(new SharingDecisionRule.Stated("CIN", "PUBLIC_TASK_SAFEGUARDING", "GIVEN", "CANNOT_BE_GIVEN"), "HEALTH"));
    }

    @Test
    void sharingWithoutConsentNamesTheParagraph18Reason() {
        assertEquals(new SharingDecision("S47", LawfulBasis.LAW_ENFORCEMENT, Consent.REFUSED, Para18Reason.WOULD_PREJUDICE_PROTECTION),
                SharingDecisionRule.decide(new SharingDecisionRule.Stated("S47", "LAW_ENFORCEMENT", "REFUSED",
                        "WOULD_PREJUDICE_PROTECTION"), "POLICE"));
        assertEquals(List.of("X-Para18-Reason"),
                refused(new SharingDecisionRule.Stated("S47", "LAW_ENFORCEMENT", "NOT_SOUGHT", null), "POLICE"));
        assertEquals(List.of("X-Para18-Reason"),
                refused(new SharingDecisionRule.Stated("S47", "LAW_ENFORCEMENT", "NOT_SOUGHT", "BUSY"), "POLICE"));
    }

    @Test
    void aBasisIsOnlyForTheAgenciesThatCanRelyOnIt() {
        assertEquals(List.of("X-Lawful-Basis"),
                refused(new SharingDecisionRule.Stated("ATT", "LAW_ENFORCEMENT", "GIVEN", null), "EDUCATION"));
        assertEquals(List.of("X-Lawful-Basis"),
                refused(new SharingDecisionRule.Stated("ATT", "HEALTH_AND_SOCIAL_CARE", "GIVEN", null), "POLICE"));
        assertEquals(LawfulBasis.HEALTH_AND_SOCIAL_CARE, SharingDecisionRule.decide(
                new SharingDecisionRule.Stated("CIN", "HEALTH_AND_SOCIAL_CARE", "GIVEN", null), "CHILDRENS_SERVICES").lawfulBasis());
    }
}
