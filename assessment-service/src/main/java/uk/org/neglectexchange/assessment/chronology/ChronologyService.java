package uk.org.neglectexchange.assessment.chronology;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import uk.org.neglectexchange.assessment.child.AccessedResource;
import uk.org.neglectexchange.assessment.child.Child;
import uk.org.neglectexchange.assessment.child.ChildService;
import uk.org.neglectexchange.assessment.chronology.ChronologyEntryRule.Earlier;
import uk.org.neglectexchange.assessment.partnership.Partnership;
import uk.org.neglectexchange.assessment.sensitivity.SharingLevelRule;
import uk.org.neglectexchange.assessment.sensitivity.TextAccess;
import uk.org.neglectexchange.assessment.toolkit.ToolkitEdition;
import uk.org.neglectexchange.platform.caller.Caller;
import uk.org.neglectexchange.platform.idempotency.IdempotentRequests;
import uk.org.neglectexchange.platform.idempotency.IdempotentRequests.Applied;
import uk.org.neglectexchange.platform.outbox.Outbox;
import uk.org.neglectexchange.platform.problem.ProblemException;

/**
 * Adds entries to a child's chronology and reads it back in the order things happened, within the caller's
 * partnership, each summary to the readers its sharing level allows (the others get a redaction, audited).
 */
@ApplicationScoped
public class ChronologyService {

    /** Practitioners date entries by the English calendar: just after midnight in summer is already "today" there. */
    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    /** What an Idempotency-Key stands for: the same body sent for another child is another request. */
    record KeyedRequest(String childRef, NewChronologyEntry entry) {
    }

    @Inject
    EntityManager em;

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

    @Inject
    TextAccess texts;

    @Transactional
    public ChronologyEntryView add(String childRef, NewChronologyEntry request, String idempotencyKey) {
        Child child = children.visibleChild(childRef);
        // one write per child at a time: a correction cannot race another correction of the same entry
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtext(:c))) as locked")
                .setParameter("c", "chronology:" + childRef).getSingleResult();
        return idempotency.once(idempotencyKey, new KeyedRequest(childRef, request),
                previous -> view(ChronologyEntry.findById(UUID.fromString(previous.resourceId()))),
                () -> {
                    ChronologyEntry entry = addOnce(child, request);
                    return Applied.created(entry.id, view(entry));
                });
    }

    private ChronologyEntry addOnce(Child child, NewChronologyEntry request) {
        String childRef = child.childRef;
        Optional<Earlier> referral = earlier(childRef, request.referralId());
        var breaches = ChronologyEntryRule.breaches(request, caller.agency(), LocalDate.now(clock.withZone(ENGLAND)),
                earlier(childRef, request.supersedes()), referral);
        // the partnership's current edition says which levels the caller's agency may choose
        SharingLevelRule.Choice level = SharingLevelRule.choose(request.sharingLevel(), SharingLevelRule.levelsOf(
                ToolkitEdition.current(Partnership.valueOf(child.partnership).toolkitFamily()), child.partnership,
                caller.agency()));
        level.breach().ifPresent(breaches::add);
        if (!breaches.isEmpty()) {
            throw ProblemException.unprocessable(breaches);
        }
        ChronologyEntry entry = new ChronologyEntry();
        entry.id = UUID.randomUUID();
        entry.childRef = childRef;
        entry.agency = caller.agency();
        entry.clientId = caller.clientId();
        entry.practitionerId = caller.requirePractitionerId();
        entry.type = request.type();
        entry.occurredOn = request.occurredOn();
        entry.summary = request.summary();
        entry.supersedes = request.supersedes();
        entry.decision = request.decision();
        entry.referralId = request.referralId();
        entry.closureReason = request.closureReason();
        entry.incidentType = request.incidentType();
        entry.sharingLevel = level.level();
        // the database keeps microseconds: the same value is then in the response, the row and any cursor
        entry.recordedAt = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        entry.persist();
        announce(child, entry, referral.map(r -> r.entry().occurredOn).orElse(null));
        return entry;
    }

    @Transactional
    public ChronologyPage list(String childRef, ChronologyQuery query) {
        Child child = children.visibleChild(childRef);
        children.announceAccess(child, AccessedResource.CHRONOLOGY);
        StringBuilder hql = new StringBuilder("from ChronologyEntry e where e.childRef = :child");
        Map<String, Object> params = new HashMap<>(Map.of("child", childRef));
        if (!query.agencies().isEmpty()) {
            hql.append(" and e.agency in :agencies");
            params.put("agencies", query.agencies());
        }
        if (!query.types().isEmpty()) {
            hql.append(" and e.type in :types");
            params.put("types", query.types());
        }
        query.from().ifPresent(from -> {
            hql.append(" and e.occurredOn >= :from");
            params.put("from", from);
        });
        query.to().ifPresent(to -> {
            hql.append(" and e.occurredOn <= :to");
            params.put("to", to);
        });
        if (!query.includeSuperseded()) {
            hql.append(" and not exists (select 1 from ChronologyEntry c where c.supersedes = e.id)");
        }
        query.after().ifPresent(after -> {
            hql.append(" and (e.occurredOn > :o or (e.occurredOn = :o and (e.recordedAt > :r"
                    + " or (e.recordedAt = :r and e.sequenceNo > :s))))");
            params.put("o", after.occurredOn());
            params.put("r", after.recordedAt());
            params.put("s", after.sequenceNo());
        });
        hql.append(" order by e.occurredOn, e.recordedAt, e.sequenceNo");
        // one more than asked for tells whether another page follows
        List<ChronologyEntry> rows = ChronologyEntry.<ChronologyEntry>find(hql.toString(), params)
                .range(0, query.limit()).list();
        List<ChronologyEntry> page = rows.size() > query.limit() ? rows.subList(0, query.limit()) : rows;
        String next = rows.size() > query.limit() ? ChronologyCursor.after(page.get(page.size() - 1)).encode() : null;
        return new ChronologyPage(views(childRef, page), next);
    }

    @Transactional
    public ChronologyEntryView read(String childRef, String entryId) {
        Child child = children.visibleChild(childRef);
        ChronologyEntry entry = parse(entryId).map(id -> ChronologyEntry.<ChronologyEntry>findById(id))
                .filter(e -> e.childRef.equals(childRef))
                .orElseThrow(() -> ProblemException.notFound("No such entry in this child's chronology"));
        children.announceAccess(child, AccessedResource.CHRONOLOGY);
        return view(entry);
    }

    private void announce(Child child, ChronologyEntry e, LocalDate referralReceivedOn) {
        String ref = child.childRef;
        String partnership = child.partnership;
        // the child's age band today, never the date of birth: who is told (a school-age child's school) depends on it
        outbox.append(ChronologyEvents.ENTRY_ADDED, ref, ref, partnership, new ChronologyEvents.EntryAdded(e.id, ref,
                partnership, children.ageBand(child), e.agency, e.type, e.incidentType, e.occurredOn, e.recordedAt,
                e.supersedes));
        switch (e.type) {
            case REFERRAL -> outbox.append(ChronologyEvents.REFERRAL_RECEIVED, ref, ref, partnership,
                    new ChronologyEvents.ReferralReceived(e.id, ref, partnership, e.agency, e.occurredOn, e.recordedAt,
                            e.supersedes));
            case REFERRAL_DECISION -> outbox.append(ChronologyEvents.REFERRAL_DECIDED, ref, ref, partnership,
                    new ChronologyEvents.ReferralDecided(e.id, e.referralId, ref, partnership, e.agency, e.decision,
                            referralReceivedOn, e.occurredOn, e.recordedAt, e.supersedes));
            case CLOSURE -> outbox.append(ChronologyEvents.CASE_CLOSED, ref, ref, partnership,
                    new ChronologyEvents.CaseClosed(e.id, ref, partnership, e.agency, e.occurredOn, e.closureReason,
                            e.recordedAt, e.supersedes));
            default -> {
                // chronology.entry-added says all the drift rules need about the other types
            }
        }
    }

    /** The entry of this child with that id, and whether it has been corrected; empty for any other child's. */
    private Optional<Earlier> earlier(String childRef, UUID id) {
        if (id == null) {
            return Optional.empty();
        }
        return ChronologyEntry.<ChronologyEntry>findByIdOptional(id).filter(e -> e.childRef.equals(childRef))
                .map(e -> new Earlier(e, ChronologyEntry.count("supersedes", id) > 0));
    }

    private ChronologyEntryView view(ChronologyEntry entry) {
        return views(entry.childRef, List.of(entry)).get(0);
    }

    /** The entries as this reader may see them; each summary left out is audited. */
    private List<ChronologyEntryView> views(String childRef, List<ChronologyEntry> entries) {
        List<UUID> ids = entries.stream().map(e -> e.id).toList();
        Map<UUID, UUID> corrections = supersededBy(ids);
        Map<UUID, ChronologyRectification> rectifications = rectifications(ids);
        SharingLevelRule.Reader reader = texts.reader(childRef);
        List<ChronologyEntryView> views = entries.stream()
                .map(e -> ChronologyEntryView.of(e, corrections.get(e.id), reader, rectifications.get(e.id))).toList();
        texts.redacted(TextAccess.ENTRY_REDACTED, childRef, views.stream().filter(v -> v.redaction() != null).count());
        return views;
    }

    private static Map<UUID, ChronologyRectification> rectifications(List<UUID> ids) {
        Map<UUID, ChronologyRectification> rectified = new HashMap<>();
        if (!ids.isEmpty()) {
            ChronologyRectification.<ChronologyRectification>list("entryId in ?1", ids)
                    .forEach(r -> rectified.put(r.entryId, r));
        }
        return rectified;
    }

    private Map<UUID, UUID> supersededBy(List<UUID> ids) {
        Map<UUID, UUID> corrections = new HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery("select c.supersedes, c.id from ChronologyEntry c where c.supersedes in :ids", Object[].class)
                    .setParameter("ids", ids).getResultList()
                    .forEach(row -> corrections.put((UUID) row[0], (UUID) row[1]));
        }
        return corrections;
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
