package uk.org.neglectexchange.assessment.assessment;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import uk.org.neglectexchange.assessment.child.AccessedResource;
import uk.org.neglectexchange.assessment.child.Child;
import uk.org.neglectexchange.assessment.child.ChildService;
import uk.org.neglectexchange.assessment.partnership.Partnership;
import uk.org.neglectexchange.assessment.toolkit.ToolkitEdition;
import uk.org.neglectexchange.platform.caller.Caller;
import uk.org.neglectexchange.platform.idempotency.IdempotentRequests;
import uk.org.neglectexchange.platform.idempotency.IdempotentRequests.Applied;
import uk.org.neglectexchange.platform.idempotency.IdempotentRequests.Outcome;
import uk.org.neglectexchange.platform.outbox.Outbox;
import uk.org.neglectexchange.platform.problem.Problem.FieldError;
import uk.org.neglectexchange.platform.problem.ProblemException;

/**
 * Opens assessments against the partnership's current toolkit edition, takes agencies' contributions, completes
 * them (recording any change of the child's level) and amends a completed one as a new version.
 */
@ApplicationScoped
public class AssessmentService {

    /** What an Idempotency-Key is checked against: the operation, its target and its body. */
    private record Request(String operation, String target, Object body) {
    }

    @Inject
    ChildService children;

    @Inject
    Caller caller;

    @Inject
    IdempotentRequests idempotency;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Transactional
    public AssessmentView open(String childRef, String idempotencyKey) {
        Child child = children.visibleChild(childRef);
        return idempotency.once(idempotencyKey, new Request("open", childRef, null), this::replay, () -> {
            Assessment assessment = openOnce(child);
            return Applied.created(assessment.id, view(assessment));
        });
    }

    private Assessment openOnce(Child child) {
        String family = Partnership.valueOf(child.partnership).toolkitFamily();
        ToolkitEdition edition = ToolkitEdition.current(family).orElseThrow(() -> ProblemException.conflict(
                "No published edition of toolkit " + family + " is known yet: assessments are opened against one"));
        Assessment assessment = new Assessment();
        assessment.id = UUID.randomUUID();
        assessment.seriesId = assessment.id;
        assessment.version = 1;
        assessment.childRef = child.childRef;
        assessment.toolkitFamily = edition.family;
        assessment.toolkitVersion = edition.version;
        assessment.ageBand = children.ageBand(child).code();
        start(assessment, child);
        return assessment;
    }

    /** An assessment is part of the child's record: another agency reading it states its basis and the lead agency is told. */
    @Transactional
    public AssessmentView read(String id) {
        Assessment assessment = visible(id);
        children.announceAccess(Child.findById(assessment.childRef), AccessedResource.ASSESSMENT);
        return view(assessment);
    }

    @Transactional
    public AssessmentView.ContributionView contribute(String id, NewContribution body, String idempotencyKey) {
        Assessment assessment = visibleForUpdate(id);
        return idempotency.once(idempotencyKey, new Request("contribute", id, body),
                previous -> AssessmentView.ContributionView.of(Contribution.findById(UUID.fromString(previous.resourceId()))),
                () -> {
                    Contribution contribution = contributeOnce(assessment, body);
                    return Applied.created(contribution.id, AssessmentView.ContributionView.of(contribution));
                });
    }

    private Contribution contributeOnce(Assessment assessment, NewContribution body) {
        refuseIfCompleted(assessment);
        ToolkitEdition edition = editionOf(assessment);
        List<FieldError> breaches = new ArrayList<>(InformationSharingRule.breaches(body, caller.agency()));
        breaches.addAll(ContributionRule.breaches(body, edition, assessment.ageBand));
        if (!breaches.isEmpty()) {
            throw ProblemException.unprocessable(breaches);
        }
        Contribution contribution = new Contribution();
        contribution.id = UUID.randomUUID();
        contribution.assessmentId = assessment.id;
        contribution.agency = caller.agency();
        contribution.clientId = caller.clientId();
        contribution.practitionerId = caller.requirePractitionerId();
        contribution.contributedAt = OffsetDateTime.now(clock);
        contribution.purpose = body.purpose().strip();
        contribution.lawfulBasis = body.lawfulBasis();
        contribution.specialCategoryCondition = body.specialCategoryCondition();
        contribution.consent = body.consent();
        contribution.para18Reason = body.para18Reason();
        contribution.observations = body.observationsOrNone().stream()
                .map(o -> new Observation(o.indicatorCode(), edition.indicator(o.indicatorCode()).orElseThrow().area(),
                        o.grade(), o.note() == null || o.note().isBlank() ? null : o.note().strip()))
                .toList();
        contribution.concerns = TextItems.stripped(body.concernsOrNone());
        contribution.strengths = TextItems.stripped(body.strengthsOrNone());
        contribution.evidence = TextItems.stripped(body.evidenceOrNone());
        contribution.persist();
        return contribution;
    }

    @Transactional
    public AssessmentView complete(String id, NewCompletion body, String idempotencyKey) {
        Assessment assessment = visibleForUpdate(id);
        return idempotency.once(idempotencyKey, new Request("complete", id, body), previous -> view(assessment), () -> {
            completeOnce(assessment, body);
            return Applied.withStatus(200, assessment.id, view(assessment));
        });
    }

    private void completeOnce(Assessment assessment, NewCompletion body) {
        refuseIfCompleted(assessment);
        ToolkitEdition edition = editionOf(assessment);
        List<Contribution> contributions = Contribution.of(assessment.id);
        List<FieldError> breaches = CompletionRule.breaches(body, edition, assessment.ageBand, contributions.size());
        if (!breaches.isEmpty()) {
            throw ProblemException.unprocessable(breaches);
        }
        assessment.status = Assessment.Status.COMPLETED;
        assessment.completedAt = OffsetDateTime.now(clock);
        assessment.completedByClient = caller.clientId();
        assessment.completedByAgency = caller.agency();
        assessment.completedByPractitioner = caller.requirePractitionerId();
        assessment.primaryCategory = body.primaryCategory();
        assessment.otherCategories = body.otherCategoriesOrNone();
        assessment.thresholdLevel = body.thresholdLevel();
        assessment.rationale = body.rationale().strip();
        assessment.strengths = TextItems.stripped(body.strengths());
        assessment.childsVoice = body.childsVoice() == null || body.childsVoice().isBlank() ? null : body.childsVoice().strip();
        assessment.childsVoiceAbsentReason = body.childsVoiceAbsentReason();
        assessment.childsVoiceAbsentDetail = body.childsVoiceAbsentDetail() == null || body.childsVoiceAbsentDetail().isBlank()
                ? null : body.childsVoiceAbsentDetail().strip();
        Child child = children.visibleChild(assessment.childRef);
        LocalDate today = LocalDate.now(clock);
        outbox.append(AssessmentEvents.COMPLETED, child.childRef, child.childRef, child.partnership,
                new AssessmentEvents.Completed(assessment.id, assessment.seriesId, child.childRef, child.partnership, today,
                        assessment.primaryCategory, assessment.otherCategories, assessment.thresholdLevel, assessment.ageBand,
                        contributions.stream().map(c -> c.agency).distinct().sorted().toList(), assessment.version));
        recordLevel(child, assessment);
    }

    @Transactional
    public AssessmentView amend(String id, String idempotencyKey) {
        Assessment amended = visibleForUpdate(id);
        return idempotency.once(idempotencyKey, new Request("amend", id, null), this::replay, () -> {
            Assessment amendment = amendOnce(amended);
            return Applied.created(amendment.id, view(amendment));
        });
    }

    private Assessment amendOnce(Assessment amended) {
        String id = amended.id.toString();
        if (!amended.completed()) {
            throw ProblemException.conflict("Assessment " + id + " is still open: add contributions to it, or complete it");
        }
        Optional<Assessment> newer = amended.amendedBy();
        if (newer.isPresent()) {
            throw ProblemException.conflict("Version " + newer.get().version + " already amends this version: amend assessment "
                    + newer.get().id);
        }
        Assessment amendment = new Assessment();
        amendment.id = UUID.randomUUID();
        amendment.seriesId = amended.seriesId;
        amendment.version = amended.version + 1;
        amendment.amends = amended.id;
        amendment.childRef = amended.childRef;
        amendment.toolkitFamily = amended.toolkitFamily;
        amendment.toolkitVersion = amended.toolkitVersion;
        amendment.ageBand = amended.ageBand;
        start(amendment, children.visibleChild(amended.childRef));
        Contribution.of(amended.id).forEach(c -> c.copyInto(amendment.id).persist());
        return amendment;
    }

    /** A retried open or amend: the assessment the first request created. */
    private AssessmentView replay(Outcome previous) {
        return view(Assessment.findById(UUID.fromString(previous.resourceId())));
    }

    /** The level history is part of the child's record: another agency reading it states its basis and the lead agency is told. */
    @Transactional
    public List<ThresholdChange> thresholdHistory(String childRef) {
        Child child = children.visibleChild(childRef);
        children.announceAccess(child, AccessedResource.LEVEL_HISTORY);
        return ThresholdChange.of(child.childRef);
    }

    private void start(Assessment assessment, Child child) {
        assessment.partnership = child.partnership;
        assessment.status = Assessment.Status.OPEN;
        assessment.openedAt = OffsetDateTime.now(clock);
        assessment.openedByClient = caller.clientId();
        assessment.openedByAgency = caller.agency();
        assessment.openedByPractitioner = caller.requirePractitionerId();
        assessment.persist();
        outbox.append(AssessmentEvents.STARTED, child.childRef, child.childRef, child.partnership,
                new AssessmentEvents.Started(assessment.id, assessment.seriesId, child.childRef, child.partnership,
                        assessment.openedByAgency, assessment.toolkitFamily, assessment.toolkitVersion, assessment.ageBand,
                        LocalDate.now(clock), assessment.version, assessment.amends));
    }

    /** A level that differs from the child's current one is a change: kept as history and announced. */
    private void recordLevel(Child child, Assessment assessment) {
        // one completion per child at a time decides what "current level" is
        Child.getEntityManager().lock(child, LockModeType.PESSIMISTIC_WRITE);
        Optional<Integer> current = ThresholdChange.currentLevel(child.childRef);
        if (current.isPresent() && current.get().equals(assessment.thresholdLevel)) {
            return;
        }
        ThresholdChange change = new ThresholdChange();
        change.childRef = child.childRef;
        change.fromLevel = current.orElse(null);
        change.toLevel = assessment.thresholdLevel;
        change.changedAt = assessment.completedAt;
        change.changedOn = LocalDate.now(clock);
        change.assessmentId = assessment.id;
        change.persist();
        outbox.append(AssessmentEvents.THRESHOLD_CHANGED, child.childRef, child.childRef, child.partnership,
                new AssessmentEvents.ThresholdChanged(child.childRef, child.partnership, change.fromLevel, change.toLevel,
                        change.changedOn, assessment.id));
    }

    private static void refuseIfCompleted(Assessment assessment) {
        if (assessment.completed()) {
            throw ProblemException.conflict("Assessment " + assessment.id + " is completed and cannot change: "
                    + "amend it (POST /api/v1/assessments/" + assessment.id + "/amendments) to open a new version");
        }
    }

    /** The assessment if its child is in the caller's partnership; 404 alike for unknown and another's. */
    private Assessment visible(String id) {
        return check(id, parse(id).flatMap(Assessment::byId));
    }

    private Assessment visibleForUpdate(String id) {
        return check(id, parse(id).flatMap(Assessment::forUpdate));
    }

    private Assessment check(String id, Optional<Assessment> assessment) {
        ProblemException notFound = ProblemException.notFound("No assessment with this id in your partnership");
        try {
            children.visibleChild(assessment.orElseThrow(() -> notFound).childRef);
        } catch (ProblemException e) {
            throw notFound;
        }
        return assessment.get();
    }

    /** The childRef of an assessment, to audit who tried to reach which child, whatever they are told. */
    public String childRefOf(String id) {
        return parse(id).flatMap(Assessment::byId).map(a -> a.childRef).orElse(null);
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static ToolkitEdition editionOf(Assessment assessment) {
        return ToolkitEdition.edition(assessment.toolkitFamily, assessment.toolkitVersion)
                .orElseThrow(() -> new IllegalStateException("the edition an assessment was opened with is kept"));
    }

    private AssessmentView view(Assessment assessment) {
        List<String> areas = ToolkitEdition.edition(assessment.toolkitFamily, assessment.toolkitVersion)
                .map(e -> e.areas(assessment.ageBand)).orElse(List.of());
        return AssessmentView.of(assessment, Contribution.of(assessment.id), areas,
                assessment.amendedBy().map(a -> a.id).orElse(null));
    }
}
