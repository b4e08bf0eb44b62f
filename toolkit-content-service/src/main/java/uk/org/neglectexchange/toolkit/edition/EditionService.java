package uk.org.neglectexchange.toolkit.edition;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;


import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.org.neglectexchange.platform.idempotency.IdempotentRequests;
import uk.org.neglectexchange.platform.idempotency.IdempotentRequests.Applied;
import uk.org.neglectexchange.platform.outbox.Outbox;
import uk.org.neglectexchange.platform.problem.Problem.FieldError;
import uk.org.neglectexchange.platform.problem.ProblemException;
import uk.org.neglectexchange.toolkit.review.ReviewNotices;

/** Drafts, edits and publishes editions; publishing supersedes the family's current edition in one transaction. */
@ApplicationScoped
public class EditionService {

    @Inject
    ObjectMapper json;

    @Inject
    Outbox outbox;

    @Inject
    ReviewNotices reviewNotices;

    @Inject
    Clock clock;

    @Inject
    ToolkitReviewConfig reviewConfig;

    @Inject
    IdempotentRequests idempotency;

    public List<Edition> editions(ToolkitFamily family, boolean includeDrafts) {
        return Edition.ofFamily(family).stream()
                .filter(e -> includeDrafts || e.status != EditionStatus.DRAFT)
                .sorted(Comparator.comparing(Edition::semanticVersion).reversed()).toList();
    }

    public Edition current(ToolkitFamily family) {
        return Edition.current(family).orElseThrow(() -> ProblemException.notFound("Family " + family + " has no published edition"));
    }

    public Edition edition(ToolkitFamily family, String version, boolean includeDrafts) {
        return Edition.find(family, version).filter(e -> includeDrafts || e.status != EditionStatus.DRAFT)
                .orElseThrow(() -> ProblemException.notFound("Family " + family + " has no edition with this version"));
    }

    /** A draft or publication as its Idempotency-Key is checked: the same version of another family is another request. */
    private record KeyedRequest(String operation, ToolkitFamily family, String version) {
    }

    /** Opens a draft; a retry with the same Idempotency-Key gets the draft it opened, not a 409. */
    @Transactional
    public EditionView openDraft(ToolkitFamily family, String version, String actor, String idempotencyKey) {
        lockFamily(family);
        // the view is built here: a retry's edition is read in this transaction, its content loaded lazily
        return view(idempotency.once(idempotencyKey, new KeyedRequest("draft", family, version), this::replay, () -> {
            Edition draft = openDraftOnce(family, version, actor);
            return Applied.created(draft.id, draft);
        }));
    }

    private Edition openDraftOnce(ToolkitFamily family, String version, String actor) {
        SemanticVersion wanted = SemanticVersion.parse(version);
        List<Edition> existing = Edition.ofFamily(family);
        if (existing.stream().anyMatch(e -> e.status == EditionStatus.DRAFT)) {
            throw ProblemException.conflict("Family " + family + " already has an open draft: publish or edit it");
        }
        existing.stream().map(Edition::semanticVersion).filter(v -> v.compareTo(wanted) >= 0).findAny().ifPresent(v -> {
            throw ProblemException.unprocessable("version", "must be greater than every existing version (" + v + " exists)");
        });
        Edition draft = new Edition();
        draft.id = UUID.randomUUID();
        draft.family = family;
        draft.version = wanted.toString();
        draft.status = EditionStatus.DRAFT;
        draft.content = current(family).content;
        draft.createdAt = now();
        draft.createdBy = actor;
        draft.persist();
        return draft;
    }

    @Transactional
    public Edition replaceContent(ToolkitFamily family, String version, EditionContent content) {
        Edition draft = lockedDraft(family, version);
        draft.content = write(content);
        return draft;
    }

    /** Publishes a draft; a retry with the same Idempotency-Key gets the edition it published, not a 404. */
    @Transactional
    public EditionView publish(ToolkitFamily family, String version, String actor, String idempotencyKey) {
        lockFamily(family);
        return view(idempotency.once(idempotencyKey, new KeyedRequest("publication", family, version), this::replay, () -> {
            Edition published = publishOnce(family, version, actor);
            return Applied.withStatus(200, published.id, published);
        }));
    }

    private Edition replay(IdempotentRequests.Outcome previous) {
        return Edition.findById(UUID.fromString(previous.resourceId()));
    }

    private Edition publishOnce(ToolkitFamily family, String version, String actor) {
        Edition draft = lockedDraft(family, version);
        EditionContent content = contentOf(draft);
        List<FieldError> breaches = EditionPublicationRule.breaches(family, content);
        if (!breaches.isEmpty()) {
            throw ProblemException.unprocessable(breaches.stream().map(b -> new FieldError("content." + b.field(), b.message())).toList());
        }
        OffsetDateTime now = now();
        Edition.current(family).ifPresent(previous -> {
            previous.status = EditionStatus.SUPERSEDED;
            previous.supersededAt = now;
            previous.flush();
        });
        draft.status = EditionStatus.PUBLISHED;
        draft.publishedAt = now;
        draft.publishedBy = actor;
        draft.reviewDueOn = now.toLocalDate().plus(reviewConfig.reviewPeriod());
        outbox.append(EditionPublished.TYPE, family.name(), family + "/" + draft.version, null,
                EditionPublished.of(draft, content));
        return draft;
    }

    /** Creates and publishes a family's first edition; used by the seed loader only. */
    @Transactional
    public void publishFirst(ToolkitFamily family, String version, EditionContent content, String actor) {
        lockFamily(family);
        if (!Edition.ofFamily(family).isEmpty()) {
            return;
        }
        Edition first = new Edition();
        first.id = UUID.randomUUID();
        first.family = family;
        first.version = SemanticVersion.parse(version).toString();
        first.status = EditionStatus.DRAFT;
        first.content = write(content);
        first.createdAt = now();
        first.createdBy = actor;
        first.persistAndFlush();
        publishOnce(family, first.version, actor);
    }

    public EditionContent contentOf(Edition edition) {
        try {
            return json.readValue(edition.content, EditionContent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored content of " + edition.family + " " + edition.version + " is unreadable", e);
        }
    }

    public EditionView view(Edition edition) {
        return new EditionView(edition.family.name(), edition.version, edition.status, edition.createdAt,
                edition.publishedAt, edition.reviewDueOn,
                reviewNotices.statusOn(edition, LocalDate.now(clock)).orElse(null), edition.supersededAt, contentOf(edition));
    }

    private Edition lockedDraft(ToolkitFamily family, String version) {
        Edition edition = Edition.find(family, version)
                .orElseThrow(() -> ProblemException.notFound("Family " + family + " has no edition with this version"));
        Edition.getEntityManager().lock(edition, LockModeType.PESSIMISTIC_WRITE);
        if (edition.status != EditionStatus.DRAFT) {
            throw ProblemException.conflict("Edition " + family + " " + version + " is " + edition.status
                    + " and cannot change: open a new draft instead");
        }
        return edition;
    }

    /** Serialises draft and publish per family, so two publishers cannot both supersede the same edition. */
    private void lockFamily(ToolkitFamily family) {
        Edition.getEntityManager().createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtext(:family))) as locked")
                .setParameter("family", "toolkit-family:" + family).getSingleResult();
    }

    private String write(EditionContent content) {
        try {
            return json.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("edition content is not serialisable", e);
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
