package uk.org.neglectexchange.assessment.subjectaccess;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;
import uk.org.neglectexchange.assessment.assessment.Assessment;
import uk.org.neglectexchange.assessment.assessment.Contribution;
import uk.org.neglectexchange.assessment.assessment.LevelDecision;
import uk.org.neglectexchange.assessment.assessment.Observation;
import uk.org.neglectexchange.assessment.assessment.ThresholdChange;
import uk.org.neglectexchange.assessment.child.AgeBand;
import uk.org.neglectexchange.assessment.child.Child;
import uk.org.neglectexchange.assessment.child.ChildIdentity;
import uk.org.neglectexchange.assessment.child.MergedRecord;
import uk.org.neglectexchange.assessment.chronology.ChronologyEntry;
import uk.org.neglectexchange.assessment.household.Carer;
import uk.org.neglectexchange.assessment.household.CarerLink;
import uk.org.neglectexchange.assessment.household.SiblingLink;
import uk.org.neglectexchange.assessment.identity.IdentityCipher;
import uk.org.neglectexchange.assessment.identity.IdentityProtection;
import uk.org.neglectexchange.assessment.merge.ChildMerge;
import uk.org.neglectexchange.assessment.plan.Plan;
import uk.org.neglectexchange.assessment.sharing.SharingRecord;
import uk.org.neglectexchange.assessment.subjectaccess.SubjectAccessExport.AssessmentVersion;
import uk.org.neglectexchange.assessment.subjectaccess.SubjectAccessExport.ContributionRecord;
import uk.org.neglectexchange.assessment.summary.CaseAlerts;
import uk.org.neglectexchange.assessment.transfer.ChildTransfer;
import uk.org.neglectexchange.assessment.transfer.PartnershipPeriod;
import uk.org.neglectexchange.platform.caller.Caller;
import uk.org.neglectexchange.platform.problem.Problem;
import uk.org.neglectexchange.platform.problem.ProblemException;

/**
 * Puts together everything this service holds about one child for its partnership's data protection officer, each
 * part from where it is kept, through {@link ThirdPartyRedactionRule}. It reads entities directly rather than through
 * the features' services: those announce a read to the lead agency as a share, and a subject access export is not one.
 */
@ApplicationScoped
public class SubjectAccessService {

    @Inject
    Caller caller;

    @Inject
    IdentityProtection protection;

    @Inject
    CaseAlerts alerts;

    @Inject
    AccessLog accessLog;

    @Inject
    Clock clock;

    @Transactional
    public SubjectAccessExport export(String childRef) {
        Child child = dposChild(childRef);
        String ref = child.childRef;
        ChildIdentity identity = ChildIdentity.findById(ref);
        IdentityCipher cipher = protection.of(ref).requireNotErased();
        String givenName = cipher.decrypt(identity.givenName);
        String familyName = cipher.decrypt(identity.familyName);
        ThirdPartyRedactionRule rule = ThirdPartyRedactionRule.forChild(
                Stream.of(givenName, familyName).toList(), householdNames(ref));
        LocalDate dateOfBirth = date(cipher.decrypt(identity.dateOfBirth));
        List<ChildMerge> merges = ChildMerge.into(ref);
        List<String> refs = new ArrayList<>(List.of(ref));
        merges.forEach(m -> refs.add(m.mergedRef));

        return new SubjectAccessExport(ref, OffsetDateTime.now(clock),
                new SubjectAccessExport.Requester(caller.clientId(), caller.partnership(), caller.agency()),
                ExportScope.ASSESSMENT_SERVICE,
                new SubjectAccessExport.Identity(cipher.decrypt(identity.nhsNumber), givenName, familyName),
                new SubjectAccessExport.Birth(dateOfBirth == null, AgeBand.of(dateOfBirth, LocalDate.now(clock)),
                        date(cipher.decrypt(identity.expectedDateOfBirth)), dateOfBirth),
                new SubjectAccessExport.Registration(child.partnership, child.leadAgency, child.registeredAt,
                        child.registeredByClient),
                chronology(ref, rule), assessments(ref, rule), levelHistory(ref, rule), thresholdHistory(ref),
                household(ref), plans(ref), partnershipHistory(ref), transfers(ref),
                merges.stream().map(m -> merge(m, rule)).toList(), shares(ref, rule),
                alerts.openEscalations(ref), alerts.openDriftAlerts(ref), accessLog.of(refs));
    }

    /**
     * The DPO's own partnership's child, as any read finds it: anyone else's is the same 404 as an unknown one (naming
     * the field), a merged duplicate answers 308 to the surviving record (child/MergedRecordRedirect).
     */
    private Child dposChild(String childRef) {
        Child child = Child.known(childRef).filter(known -> known.partnership.equals(caller.partnership()))
                .orElseThrow(() -> new ProblemException(404, "Not Found", "No child with this childRef in your partnership",
                        List.of(new Problem.FieldError("childRef", "no child with this childRef in your partnership"))));
        if (child.mergedInto != null) {
            throw new MergedRecord(child.childRef, child.mergedInto);
        }
        return child;
    }

    /** Every name of the child's carers and siblings, for the rule to mask in free text. */
    private List<String> householdNames(String ref) {
        List<String> names = new ArrayList<>();
        for (SiblingLink link : SiblingLink.of(ref)) {
            ChildIdentity sibling = ChildIdentity.findById(link.relatedChildRef);
            IdentityCipher siblings = protection.of(link.relatedChildRef);
            names.add(siblings.decrypt(sibling.givenName));
            names.add(siblings.decrypt(sibling.familyName));
        }
        for (CarerLink link : CarerLink.of(ref)) {
            Carer carer = Carer.findById(link.carerRef);
            IdentityCipher carers = protection.of(link.carerRef);
            names.add(carers.decrypt(carer.givenName));
            names.add(carers.decrypt(carer.familyName));
        }
        return names;
    }

    private static List<SubjectAccessExport.Entry> chronology(String ref, ThirdPartyRedactionRule rule) {
        List<ChronologyEntry> entries = ChronologyEntry.list("childRef", Sort.by("occurredOn").and("recordedAt")
                .and("sequenceNo"), ref);
        Map<UUID, UUID> supersededBy = new HashMap<>();
        entries.stream().filter(e -> e.supersedes != null).forEach(e -> supersededBy.put(e.supersedes, e.id));
        return entries.stream().map(e -> new SubjectAccessExport.Entry(e.id, name(e.type), e.occurredOn,
                rule.text(e.summary), e.agency, e.clientId, ThirdPartyRedactionRule.practitioner(e.practitionerId),
                e.recordedAt, e.supersedes, supersededBy.get(e.id), name(e.decision), e.referralId,
                name(e.closureReason), name(e.incidentType))).toList();
    }

    private static List<AssessmentVersion> assessments(String ref, ThirdPartyRedactionRule rule) {
        return Assessment.ofChild(ref).stream().map(a -> new AssessmentVersion(a.id, a.seriesId, a.version, a.amends,
                name(a.status), a.partnership, a.toolkitFamily, a.toolkitVersion, a.ageBand, a.openedAt, a.openedByAgency,
                ThirdPartyRedactionRule.practitioner(a.openedByPractitioner), a.completedAt, a.completedByAgency,
                ThirdPartyRedactionRule.practitioner(a.completedByPractitioner), a.primaryCategory, a.otherCategories,
                a.thresholdLevel, a.proposedLevel, a.levelDecidedAt, a.levelDecidedByAgency,
                ThirdPartyRedactionRule.practitioner(a.levelDecidedByPractitioner), rule.text(a.levelDecisionReason),
                rule.text(a.overrunReason), rule.text(a.rationale), rule.texts(a.strengths), rule.text(a.childsVoice),
                name(a.childsVoiceAbsentReason), rule.text(a.childsVoiceAbsentDetail),
                Contribution.of(a.id).stream().map(c -> contribution(c, rule)).toList())).toList();
    }

    private static ContributionRecord contribution(Contribution c, ThirdPartyRedactionRule rule) {
        return new ContributionRecord(c.id, c.agency, c.clientId, ThirdPartyRedactionRule.practitioner(c.practitionerId),
                c.contributedAt, c.copiedFrom, rule.text(c.purpose), name(c.lawfulBasis), name(c.consent),
                name(c.para18Reason), c.observations == null ? null : c.observations.stream()
                        .map(o -> new Observation(o.indicatorCode(), o.area(),
                                o.grade(), rule.text(o.note())))
                        .toList(),
                rule.texts(c.concerns), rule.texts(c.strengths), rule.texts(c.evidence));
    }

    private static List<SubjectAccessExport.LevelEntry> levelHistory(String ref, ThirdPartyRedactionRule rule) {
        return LevelDecision.of(ref).stream().map(d -> new SubjectAccessExport.LevelEntry(d.assessmentId, name(d.kind),
                d.level, d.proposedLevel, d.agency, d.clientId, ThirdPartyRedactionRule.practitioner(d.practitionerId),
                rule.text(d.reason), d.recordedAt)).toList();
    }

    private static List<SubjectAccessExport.LevelChange> thresholdHistory(String ref) {
        return ThresholdChange.of(ref).stream().map(t -> new SubjectAccessExport.LevelChange(t.fromLevel, t.toLevel,
                t.changedOn, t.assessmentId)).toList();
    }

    private static SubjectAccessExport.Household household(String ref) {
        return new SubjectAccessExport.Household(
                SiblingLink.of(ref).stream().map(s -> new SubjectAccessExport.Sibling(name(s.relationship), s.linkedAt,
                        s.linkedByClient)).toList(),
                CarerLink.of(ref).stream().map(c -> new SubjectAccessExport.Carer(name(c.relationship), c.livesWithChild,
                        c.linkedAt, c.linkedByClient)).toList());
    }

    private static List<SubjectAccessExport.PlanRecord> plans(String ref) {
        return Plan.<Plan>list("childRef = ?1 order by startDate, recordedAt", ref).stream()
                .map(p -> new SubjectAccessExport.PlanRecord(p.id, name(p.kind), name(p.category), p.startDate, p.endDate,
                        name(p.endReason), p.startedByClient, ThirdPartyRedactionRule.practitioner(p.startedByPractitioner),
                        p.recordedAt, p.endedByClient, ThirdPartyRedactionRule.practitioner(p.endedByPractitioner),
                        p.endedAt))
                .toList();
    }

    private static List<SubjectAccessExport.Period> partnershipHistory(String ref) {
        return PartnershipPeriod.of(ref).stream().map(p -> new SubjectAccessExport.Period(p.partnership, p.fromAt, p.toAt,
                p.transferredByClient, name(p.transferReason))).toList();
    }

    private static List<SubjectAccessExport.Transfer> transfers(String ref) {
        return ChildTransfer.<ChildTransfer>list("childRef", Sort.by("requestedAt").and("id"), ref).stream()
                .map(t -> new SubjectAccessExport.Transfer(t.id, t.fromPartnership, t.toPartnership, name(t.reason),
                        name(t.status), t.requestedAt, t.requestedByClient, t.requestedByAgency,
                        ThirdPartyRedactionRule.practitioner(t.requestedByPractitioner), t.acceptBy, t.acceptedAt,
                        t.acceptedByClient, ThirdPartyRedactionRule.practitioner(t.acceptedByPractitioner)))
                .toList();
    }

    private static SubjectAccessExport.Merge merge(ChildMerge m, ThirdPartyRedactionRule rule) {
        return new SubjectAccessExport.Merge(m.mergedRef, m.survivingRef, rule.text(m.reason), m.mergedAt,
                m.mergedByClient, m.mergedByAgency, ThirdPartyRedactionRule.practitioner(m.mergedByPractitioner),
                m.chronologyEntries, m.assessments, m.levelChanges, m.householdLinks);
    }

    private static List<SubjectAccessExport.Share> shares(String ref, ThirdPartyRedactionRule rule) {
        return SharingRecord.<SharingRecord>list("childRef", Sort.by("sharedAt").and("id"), ref).stream()
                .map(s -> new SubjectAccessExport.Share(s.sharedAt, s.leadAgency, s.toAgency, s.toClient,
                        ThirdPartyRedactionRule.practitioner(s.practitionerId), rule.text(s.purpose), name(s.lawfulBasis),
                        name(s.consent), name(s.para18Reason)))
                .toList();
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }
}
