package uk.org.neglectexchange.assessment.subjectaccess;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import uk.org.neglectexchange.assessment.assessment.Observation;
import uk.org.neglectexchange.assessment.child.AgeBand;
import uk.org.neglectexchange.assessment.summary.CaseAlerts;

/**
 * Everything assessment-service holds about one child, for the data protection officer answering a subject access
 * request, after {@link ThirdPartyRedactionRule}. The JSON and the PDF are this one document; {@code scope} says what
 * it covers and what it does not. Practitioner fields hold {@link ThirdPartyRedactionRule#PRACTITIONER} when one was
 * recorded.
 */
public record SubjectAccessExport(String childRef, OffsetDateTime exportedAt, Requester exportedBy, ExportScope scope,
        Identity identity, Birth birth, Registration registration, List<Entry> chronology,
        List<AssessmentVersion> assessments, List<LevelEntry> levelHistory, List<LevelChange> thresholdHistory,
        Household household, List<PlanRecord> plans, List<Period> partnershipHistory, List<Transfer> transfers,
        List<Merge> merges, List<Share> sharingRecords, List<CaseAlerts.OpenEscalation> escalations,
        List<CaseAlerts.OpenDriftAlert> driftAlerts, List<AccessLog.Access> accessLog) {

    public record Requester(String clientId, String partnership, String agency) {
    }

    public record Identity(String nhsNumber, String givenName, String familyName) {

        @Override
        public String toString() {
            return "Identity[redacted]";
        }
    }

    /** Registered unborn: the expected date; born since: the date of birth too (child/BirthService). */
    public record Birth(boolean unborn, AgeBand ageBand, LocalDate expectedDateOfBirth, LocalDate dateOfBirth) {

        @Override
        public String toString() {
            return "Birth[redacted]";
        }
    }

    public record Registration(String partnership, String leadAgency, OffsetDateTime registeredAt,
            String registeredByClient) {
    }

    public record Entry(UUID id, String type, LocalDate occurredOn, String summary, String agency, String clientId,
            String practitionerId, OffsetDateTime recordedAt, UUID supersedes, UUID supersededBy, String decision,
            UUID referralId, String closureReason, String incidentType) {
    }

    public record AssessmentVersion(UUID id, UUID seriesId, int version, UUID amends, String status, String partnership,
            String toolkitFamily, String toolkitVersion, String ageBand, OffsetDateTime openedAt, String openedByAgency,
            String openedByPractitioner, OffsetDateTime completedAt, String completedByAgency,
            String completedByPractitioner, String primaryCategory, List<String> otherCategories, Integer thresholdLevel,
            Integer proposedLevel, OffsetDateTime levelDecidedAt, String levelDecidedByAgency,
            String levelDecidedByPractitioner, String levelDecisionReason, String overrunReason, String rationale,
            List<String> strengths, String childsVoice, String childsVoiceAbsentReason, String childsVoiceAbsentDetail,
            List<ContributionRecord> contributions) {
    }

    public record ContributionRecord(UUID id, String agency, String clientId, String practitionerId,
            OffsetDateTime contributedAt, UUID copiedFrom, String purpose, String lawfulBasis, String consent,
            String para18Reason, List<Observation> observations, List<String> concerns, List<String> strengths,
            List<String> evidence) {
    }

    public record LevelEntry(UUID assessmentId, String kind, int level, Integer proposedLevel, String agency,
            String clientId, String practitionerId, String reason, OffsetDateTime recordedAt) {
    }

    public record LevelChange(Integer fromLevel, int toLevel, LocalDate changedOn, UUID assessmentId) {
    }

    /** Siblings and carers without their references or names: the child's relationships, not the other people. */
    public record Household(List<Sibling> siblings, List<Carer> carers) {
    }

    public record Sibling(String relationship, OffsetDateTime linkedAt, String linkedByClient) {
    }

    public record Carer(String relationship, boolean livesWithChild, OffsetDateTime linkedAt, String linkedByClient) {
    }

    public record PlanRecord(UUID id, String kind, String category, LocalDate startDate, LocalDate endDate,
            String endReason, String startedByClient, String startedByPractitioner, OffsetDateTime recordedAt,
            String endedByClient, String endedByPractitioner, OffsetDateTime endedAt) {
    }

    public record Period(String partnership, OffsetDateTime from, OffsetDateTime to, String transferredByClient,
            String reason) {
    }

    public record Transfer(UUID id, String fromPartnership, String toPartnership, String reason, String status,
            OffsetDateTime requestedAt, String requestedByClient, String requestedByAgency,
            String requestedByPractitioner, LocalDate acceptBy, OffsetDateTime acceptedAt, String acceptedByClient,
            String acceptedByPractitioner) {
    }

    /** A duplicate record of this same child merged into this one: both references are the child's own. */
    public record Merge(String mergedChildRef, String survivingChildRef, String reason, OffsetDateTime mergedAt,
            String mergedByClient, String mergedByAgency, String mergedByPractitioner, int chronologyEntries,
            int assessments, int levelChanges, int householdLinks) {
    }

    public record Share(OffsetDateTime sharedAt, String fromLeadAgency, String toAgency, String toClient,
            String practitionerId, String purpose, String lawfulBasis, String consent, String para18Reason) {
    }
}
