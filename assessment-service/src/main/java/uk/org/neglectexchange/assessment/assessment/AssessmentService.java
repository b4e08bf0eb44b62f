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
import uk.org.neglectexchange.assessment.sensitivity.SharingLevelRule;
import uk.org.neglectexchange.assessment.sensitivity.TextAccess;
import uk.org.neglectexchange.assessment.sharing.DeprecatedSharingCodes;
import uk.org.neglectexchange.assessment.sharing.SharingDecision;
import uk.org.neglectexchange.assessment.sharing.SharingDecisionRule;
import uk.org.neglectexchange.assessment.toolkit.ToolkitEdition;
import uk.org.neglectexchange.platform.calendar.WorkingDayCalendar;
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
    TextAccess texts;

    @Inject
    Caller caller;

    @Inject
    IdempotentRequests idempotency;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    WorkingDayCalendar calendar;

    @Inject
    DeprecatedSharingCodes deprecatedCodes;

    @Transactional
    public AssessmentView open(String childRef, String idempotencyKey) {
        Child child = children.visibleChild(childRef);
        return idempotency.once(idempotencyKey, new Request("open", childRef, null), this::replay, () -> {
            Assessment assessment = openOnce(child);
            return Applied.created(assessment.id, view(assessment));
        });
    }

    private Assessment openOnce(Child child) {
        refuseIfAnotherOpen(child);
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
        // one rule for every share, as for reads; a code outside the vocabulary is a 400, as it is for a read
        SharingDecisionRule.Ruling share = SharingDecisionRule.rule(body.share(), caller.agency(), SharingDecisionRule.Channel.BODY);
        if (share.unknownCode()) {
            throw SharingDecisionRule.refusal(share.errors());
        }
        if (share.decision() != null) {
            deprecatedCodes.noteIfUsed(share.decision());
        }
        return idempotency.once(idempotencyKey, new Request("contribute", id, body),
                previous -> AssessmentView.ContributionView.of(Contribution.findById(UUID.fromString(previous.resourceId())),
                        texts.reader(assessment.childRef)),
                () -> {
                    Contribution contribution = contributeOnce(assessment, body, share);
                    return Applied.created(contribution.id,
                            AssessmentView.ContributionView.of(contribution, texts.reader(assessment.childRef)));
                });
    }

    private Contribution contributeOnce(Assessment assessment, NewContribution body, SharingDecisionRule.Ruling share) {
        refuseUnlessOpen(assessment);
        ToolkitEdition edition = editionOf(assessment);
        List<FieldError> breaches = new ArrayList<>(share.errors());
        breaches.addAll(ContributionRule.breaches(body, edition, assessment.ageBand));
        SharingLevelRule.Choice level = SharingLevelRule.choose(body.sharingLevel(),
                SharingLevelRule.levelsOf(Optional.of(edition), assessment.partnership, caller.agency()));
        level.breach().ifPresent(breaches::add);
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
        SharingDecision decision = share.decision();
        contribution.purpose = decision.purpose();
        contribution.lawfulBasis = decision.lawfulBasis();
        contribution.consent = decision.consent();
        contribution.para18Reason = decision.para18Reason();
        contribution.observations = body.observationsOrNone().stream()
                .map(o -> new Observation(o.indicatorCode(), edition.indicator(o.indicatorCode()).orElseThrow().area(),
                        o.grade(), o.note() == null || o.note().isBlank() ? null : o.note().strip()))
                .toList();
        contribution.concerns = TextItems.stripped(body.concernsOrNone());
        contribution.strengths = TextItems.stripped(body.strengthsOrNone());
        contribution.evidence = TextItems.stripped(body.evidenceOrNone());
        contribution.sharingLevel = level.level();
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
        refuseUnlessOpen(assessment);
        ToolkitEdition edition = editionOf(assessment);
        Child child = children.visibleChild(assessment.childRef);
        List<Contribution> contributions = Contribution.of(assessment.id);
        OffsetDateTime now = OffsetDateTime.now(clock);
        int timescale = OverrunReasonRule.workingDays(edition, child.partnership);
        List<FieldError> breaches = new ArrayList<>(CompletionRule.breaches(body, edition, assessment.ageBand, contributions.size()));
        // the child's age today, not when the assessment was opened: a child who turned 5 meanwhile is heard
        breaches.addAll(PreVerbalRule.breaches(body.childsVoiceAbsentReason(), children.ageBand(child).code()));
        breaches.addAll(OverrunReasonRule.breaches(body.overrunReason(), overrun(assessment, now, timescale), timescale));
        if (!breaches.isEmpty()) {
            throw ProblemException.unprocessable(breaches);
        }
        assessment.completedAt = now;
        assessment.completedByClient = caller.clientId();
        assessment.completedByAgency = caller.agency();
        assessment.completedByPractitioner = caller.requirePractitionerId();
        assessment.primaryCategory = body.primaryCategory();
        assessment.otherCategories = body.otherCategoriesOrNone();
        assessment.rationale = body.rationale().strip();
        assessment.strengths = TextItems.stripped(body.strengths());
        assessment.childsVoice = stripped(body.childsVoice());
        assessment.childsVoiceAbsentReason = body.childsVoiceAbsentReason();
        assessment.childsVoiceAbsentDetail = stripped(body.childsVoiceAbsentDetail());
        assessment.overrunReason = stripped(body.overrunReason());
        int level = body.thresholdLevel();
        if (LevelDecisionRule.mayDecide(edition, child.partnership, level, caller.agency())) {
            history(assessment, LevelDecision.Kind.DECIDED, level, null, assessment.rationale, now);
            decided(child, assessment, level, contributions, now);
            return;
        }
        // not this agency's level to decide: proposed, and the child's level stays as it is until it is decided
        assessment.status = Assessment.Status.LEVEL_PROPOSED;
        assessment.proposedLevel = level;
        history(assessment, LevelDecision.Kind.PROPOSED, level, null, assessment.rationale, now);
        outbox.append(AssessmentEvents.LEVEL_PROPOSED, child.childRef, child.childRef, child.partnership,
                new AssessmentEvents.LevelProposed(assessment.id, assessment.seriesId, child.childRef, child.partnership,
                        level, caller.agency(), LevelDecisionRule.decidingAgencies(edition, child.partnership, level),
                        now.atZoneSameInstant(clock.getZone()).toLocalDate(), assessment.ageBand, assessment.version));
    }

    /** A deciding agency confirms or changes the proposed level, with its reason: the assessment is then completed. */
    @Transactional
    public AssessmentView decideLevel(String id, NewLevelDecision body, String idempotencyKey) {
        Assessment assessment = visibleForUpdate(id);
        return idempotency.once(idempotencyKey, new Request("level-decision", id, body), previous -> view(assessment), () -> {
            decideLevelOnce(assessment, body);
            return Applied.withStatus(200, assessment.id, view(assessment));
        });
    }

    private void decideLevelOnce(Assessment assessment, NewLevelDecision body) {
        if (assessment.status != Assessment.Status.LEVEL_PROPOSED) {
            throw ProblemException.conflict("Assessment " + assessment.id + " has no proposed level awaiting a decision");
        }
        ToolkitEdition edition = editionOf(assessment);
        Child child = children.visibleChild(assessment.childRef);
        refuseUnlessDeciding(edition, child.partnership, assessment.proposedLevel);
        OffsetDateTime now = OffsetDateTime.now(clock);
        int timescale = OverrunReasonRule.workingDays(edition, child.partnership);
        List<FieldError> breaches = new ArrayList<>(LevelDecisionRule.breaches(body, edition));
        // a reason recorded at completion covers the overrun; a decision that itself comes late needs one
        boolean unexplained = assessment.overrunReason == null && overrun(assessment, now, timescale);
        breaches.addAll(OverrunReasonRule.breaches(body.overrunReason(), unexplained, timescale));
        if (!breaches.isEmpty()) {
            throw ProblemException.unprocessable(breaches);
        }
        refuseUnlessDeciding(edition, child.partnership, body.level());
        assessment.levelDecidedAt = now;
        assessment.levelDecidedByAgency = caller.agency();
        assessment.levelDecidedByPractitioner = caller.requirePractitionerId();
        assessment.levelDecisionReason = body.reason().strip();
        if (assessment.overrunReason == null) {
            assessment.overrunReason = stripped(body.overrunReason());
        }
        history(assessment, LevelDecision.Kind.DECIDED, body.level(), assessment.proposedLevel, assessment.levelDecisionReason, now);
        decided(child, assessment, body.level(), Contribution.of(assessment.id), now);
    }

    private void refuseUnlessDeciding(ToolkitEdition edition, String partnership, int level) {
        if (!LevelDecisionRule.mayDecide(edition, partnership, level, caller.agency())) {
            throw ProblemException.forbidden("Level " + level + " is decided in " + partnership + " by "
                    + LevelDecisionRule.decidingAgencies(edition, partnership, level)
                    + " (the published edition's levelDecisions): your agency may propose it, not decide it");
        }
    }

    /** The level is decided: the assessment is completed, announced, and the child's level follows. */
    private void decided(Child child, Assessment assessment, int level, List<Contribution> contributions, OffsetDateTime at) {
        assessment.status = Assessment.Status.COMPLETED;
        assessment.thresholdLevel = level;
        LocalDate today = at.atZoneSameInstant(clock.getZone()).toLocalDate();
        outbox.append(AssessmentEvents.COMPLETED, child.childRef, child.childRef, child.partnership,
                new AssessmentEvents.Completed(assessment.id, assessment.seriesId, child.childRef, child.partnership, today,
                        assessment.primaryCategory, assessment.otherCategories, assessment.thresholdLevel, assessment.ageBand,
                        contributions.stream().map(c -> c.agency).distinct().sorted().toList(), assessment.version));
        recordLevel(child, assessment, at);
    }

    private void history(Assessment assessment, LevelDecision.Kind kind, int level, Integer proposedLevel, String reason,
            OffsetDateTime at) {
        LevelDecision entry = new LevelDecision();
        entry.id = UUID.randomUUID();
        entry.childRef = assessment.childRef;
        entry.assessmentId = assessment.id;
        entry.kind = kind;
        entry.level = level;
        entry.proposedLevel = proposedLevel;
        entry.agency = caller.agency();
        entry.clientId = caller.clientId();
        entry.practitionerId = caller.requirePractitionerId();
        entry.reason = reason;
        entry.recordedAt = at;
        entry.persist();
    }

    /** D2 counts from the version's start date, as escalation-service's alert does. */
    private boolean overrun(Assessment assessment, OffsetDateTime now, int timescale) {
        return OverrunReasonRule.overrun(assessment.openedAt.atZoneSameInstant(clock.getZone()).toLocalDate(),
                now.atZoneSameInstant(clock.getZone()).toLocalDate(), timescale, calendar);
    }

    private static String stripped(String text) {
        return text == null || text.isBlank() ? null : text.strip();
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
        if (amended.status == Assessment.Status.LEVEL_PROPOSED) {
            throw ProblemException.conflict("Assessment " + id + " awaits the decision on its proposed level: "
                    + "POST /api/v1/assessments/" + id + "/level-decision");
        }
        if (!amended.completed()) {
            throw ProblemException.conflict("Assessment " + id + " is still open: add contributions to it, or complete it");
        }
        Optional<Assessment> newer = amended.amendedBy();
        if (newer.isPresent()) {
            throw ProblemException.conflict("Version " + newer.get().version + " already amends this version: amend assessment "
                    + newer.get().id);
        }
        refuseIfAnotherOpen(children.visibleChild(amended.childRef));
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

    /** Under the child's row lock, so two opens at once cannot both find none open. */
    private static void refuseIfAnotherOpen(Child child) {
        Child.getEntityManager().lock(child, LockModeType.PESSIMISTIC_WRITE);
        OneOpenAssessmentRule.refuseIfOpen(Assessment.openOf(child.childRef).map(open -> open.id));
    }

    /** Every version of the child's assessments, open and completed; part of the record as one assessment is. */
    @Transactional
    public List<AssessmentSummary> list(String childRef) {
        Child child = children.visibleChild(childRef);
        children.announceAccess(child, AccessedResource.ASSESSMENT);
        List<Assessment> all = Assessment.ofChild(child.childRef);
        return all.stream().map(a -> AssessmentSummary.of(a, all.stream().filter(b -> a.id.equals(b.amends))
                .map(b -> b.id).findFirst().orElse(null))).toList();
    }

    /** A retried open or amend: the assessment the first request created. */
    private AssessmentView replay(Outcome previous) {
        return view(Assessment.findById(UUID.fromString(previous.resourceId())));
    }

    /** The level history is part of the child's record: another agency reading it states its basis and the lead agency is told. */
    @Transactional
    public ThresholdHistoryResource.History thresholdHistory(String childRef) {
        Child child = children.visibleChild(childRef);
        children.announceAccess(child, AccessedResource.LEVEL_HISTORY);
        return ThresholdHistoryResource.History.of(child.childRef, ThresholdChange.of(child.childRef),
                LevelDecision.of(child.childRef));
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
    private void recordLevel(Child child, Assessment assessment, OffsetDateTime at) {
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
        change.changedAt = at;
        change.changedOn = at.atZoneSameInstant(clock.getZone()).toLocalDate();
        change.assessmentId = assessment.id;
        change.persist();
        outbox.append(AssessmentEvents.THRESHOLD_CHANGED, child.childRef, child.childRef, child.partnership,
                new AssessmentEvents.ThresholdChanged(child.childRef, child.partnership, change.fromLevel, change.toLevel,
                        change.changedOn, assessment.id));
    }

    private static void refuseUnlessOpen(Assessment assessment) {
        if (assessment.status == Assessment.Status.LEVEL_PROPOSED) {
            throw ProblemException.conflict("Assessment " + assessment.id + " is completed with a proposed level awaiting "
                    + "the deciding agency's decision, and cannot change");
        }
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
        AssessmentView view = AssessmentView.of(assessment, Contribution.of(assessment.id), areas,
                assessment.amendedBy().map(a -> a.id).orElse(null), texts.reader(assessment.childRef));
        texts.redacted(TextAccess.CONTRIBUTION_REDACTED, assessment.childRef,
                view.contributions().stream().filter(c -> c.redaction() != null).count());
        return view;
    }
}
