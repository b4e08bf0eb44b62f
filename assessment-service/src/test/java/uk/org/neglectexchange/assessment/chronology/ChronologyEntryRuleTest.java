package uk.org.neglectexchange.assessment.chronology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import uk.org.neglectexchange.assessment.chronology.ChronologyEntryRule.Earlier;
import uk.org.neglectexchange.platform.problem.Problem.FieldError;

class ChronologyEntryRuleTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 10);

    private static NewChronologyEntry entry(EntryType type, LocalDate on) {
        return new NewChronologyEntry(type, on, "text", null, null, null, null, null, null);
    }

    private static Earlier earlier(EntryType type, String agency, LocalDate on, boolean superseded) {
        ChronologyEntry e = new ChronologyEntry();
        e.id = UUID.randomUUID();
        e.type = type;
        e.agency = agency;
        e.occurredOn = on;
        return new Earlier(e, superseded);
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    @Test
    void todayIsFineTomorrowIsTheFuture() {
        assertTrue(ChronologyEntryRule.breaches(entry(EntryType.VISIT, TODAY), "HEALTH", TODAY, Optional.empty(), Optional.empty()).isEmpty());
        assertEquals(List.of("occurredOn"), fields(ChronologyEntryRule.breaches(entry(EntryType.VISIT, TODAY.plusDays(1)),
                "HEALTH", TODAY, Optional.empty(), Optional.empty())));
    }

    @Test
    void aDecisionNamesItsDecisionAndACurrentReferralOfTheChild() {
        UUID referralId = UUID.randomUUID();
        var decision = new NewChronologyEntry(EntryType.REFERRAL_DECISION, TODAY, "t", null, ReferralDecision.EARLY_HELP, referralId, null, null, null);
        var referral = Optional.of(earlier(EntryType.REFERRAL, "POLICE", TODAY.minusDays(1), false));
        assertTrue(ChronologyEntryRule.breaches(decision, "CHILDRENS_SERVICES", TODAY, Optional.empty(), referral).isEmpty());
        assertEquals(List.of("referralId"), fields(ChronologyEntryRule.breaches(decision, "CHILDRENS_SERVICES", TODAY,
                Optional.empty(), Optional.empty())));
        assertEquals(List.of("referralId"), fields(ChronologyEntryRule.breaches(decision, "CHILDRENS_SERVICES", TODAY,
                Optional.empty(), Optional.of(earlier(EntryType.CONCERN, "POLICE", TODAY, false)))));
        assertEquals(List.of("referralId"), fields(ChronologyEntryRule.breaches(decision, "CHILDRENS_SERVICES", TODAY,
                Optional.empty(), Optional.of(earlier(EntryType.REFERRAL, "POLICE", TODAY, true)))));
        var tooEarly = new NewChronologyEntry(EntryType.REFERRAL_DECISION, TODAY.minusDays(2), "t", null,
                ReferralDecision.EARLY_HELP, referralId, null, null, null);
        assertEquals(List.of("occurredOn"), fields(ChronologyEntryRule.breaches(tooEarly, "CHILDRENS_SERVICES", TODAY,
                Optional.empty(), referral)));
        var bare = new NewChronologyEntry(EntryType.REFERRAL_DECISION, TODAY, "t", null, null, null, null, null, null);
        assertEquals(List.of("decision", "referralId"), fields(ChronologyEntryRule.breaches(bare, "CHILDRENS_SERVICES", TODAY,
                Optional.empty(), Optional.empty())));
    }

    @Test
    void typeSpecificFieldsBelongToTheirTypeOnly() {
        var closure = new NewChronologyEntry(EntryType.CLOSURE, TODAY, "t", null, null, null, null, null, null);
        assertEquals(List.of("closureReason"), fields(ChronologyEntryRule.breaches(closure, "HEALTH", TODAY, Optional.empty(), Optional.empty())));
        var visit = new NewChronologyEntry(EntryType.VISIT, TODAY, "t", null, ReferralDecision.ASSESSMENT, UUID.randomUUID(),
                ClosureReason.NEEDS_MET, IncidentType.OTHER, null);
        assertEquals(List.of("decision", "referralId", "closureReason", "incidentType"),
                fields(ChronologyEntryRule.breaches(visit, "HEALTH", TODAY, Optional.empty(), Optional.empty())));
    }

    @Test
    void anIncidentTypeBelongsToAPoliceAttendanceThePoliceRecord() {
        for (IncidentType incident : IncidentType.values()) {
            var attendance = new NewChronologyEntry(EntryType.POLICE_ATTENDANCE, TODAY, "t", null, null, null, null, incident, null);
            assertTrue(ChronologyEntryRule.breaches(attendance, "POLICE", TODAY, Optional.empty(), Optional.empty()).isEmpty());
            for (String agency : List.of("HEALTH", "EDUCATION", "CHILDRENS_SERVICES")) {
                assertEquals(List.of("incidentType"), fields(ChronologyEntryRule.breaches(attendance, agency, TODAY,
                        Optional.empty(), Optional.empty())), agency + " records no incident type");
            }
        }
        // optional: a police attendance without one is fine, whoever records it
        var without = new NewChronologyEntry(EntryType.POLICE_ATTENDANCE, TODAY, "t", null, null, null, null, null, null);
        assertTrue(ChronologyEntryRule.breaches(without, "POLICE", TODAY, Optional.empty(), Optional.empty()).isEmpty());
        assertTrue(ChronologyEntryRule.breaches(without, "CHILDRENS_SERVICES", TODAY, Optional.empty(), Optional.empty()).isEmpty());
        for (EntryType other : List.of(EntryType.CONCERN, EntryType.VISIT, EntryType.REFERRAL)) {
            var concern = new NewChronologyEntry(other, TODAY, "t", null, null, null, null, IncidentType.DOMESTIC_ABUSE, null);
            List<FieldError> errors = ChronologyEntryRule.breaches(concern, "POLICE", TODAY, Optional.empty(), Optional.empty());
            assertEquals(List.of("incidentType"), fields(errors), other + " carries no incident type");
            assertTrue(errors.get(0).message().contains("POLICE_ATTENDANCE"));
        }
    }

    @Test
    void aCorrectionSupersedesAnUncorrectedEntryOfTheSameChildAndAgency() {
        var correction = new NewChronologyEntry(EntryType.CONCERN, TODAY, "t", UUID.randomUUID(), null, null, null, null, null);
        assertTrue(ChronologyEntryRule.breaches(correction, "HEALTH", TODAY,
                Optional.of(earlier(EntryType.VISIT, "HEALTH", TODAY, false)), Optional.empty()).isEmpty());
        assertEquals(List.of("supersedes"), fields(ChronologyEntryRule.breaches(correction, "HEALTH", TODAY, Optional.empty(), Optional.empty())));
        assertEquals(List.of("supersedes"), fields(ChronologyEntryRule.breaches(correction, "HEALTH", TODAY,
                Optional.of(earlier(EntryType.VISIT, "HEALTH", TODAY, true)), Optional.empty())));
        assertEquals(List.of("supersedes"), fields(ChronologyEntryRule.breaches(correction, "HEALTH", TODAY,
                Optional.of(earlier(EntryType.VISIT, "POLICE", TODAY, false)), Optional.empty())));
    }
}
