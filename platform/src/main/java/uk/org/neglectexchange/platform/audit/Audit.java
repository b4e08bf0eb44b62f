package uk.org.neglectexchange.platform.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import uk.org.neglectexchange.platform.caller.Caller;
import uk.org.neglectexchange.platform.correlation.Correlation;
import uk.org.neglectexchange.platform.outbox.Outbox;
import uk.org.neglectexchange.platform.problem.ProblemException;

/**
 * Records who touched which child's data, why, and what came of it, in every service alike: a row of the service's
 * own {@code audit_entry} and, in the same transaction, an {@code audit.recorded} event in its outbox, from which the
 * gateway builds the exchange's one trail. A success is recorded in the work's own transaction, so a change and its
 * audit row commit together or not at all; a refusal in a transaction of its own, so it is recorded although the
 * work's changes roll back.
 */
@ApplicationScoped
public class Audit {

    public enum Outcome {
        SUCCESS, DENIED, NOT_FOUND, REJECTED,
        /** The record named was merged into another; the client was pointed at it. */
        REDIRECTED
    }

    /** Who acted, for a route outside REST where there is no request-scoped {@link Caller}. */
    public record Actor(String clientId, String partnership, String agency, String practitionerId, String purpose) {
    }

    /**
     * A refused request's childRef is what the client typed: one that cannot be a childRef may be anything (an NHS
     * number, kilobytes of text that overflow the index and turned the refusal into a 500), so it is not kept.
     */
    private static final Pattern CHILD_REF = Pattern.compile("CH-[A-Z2-9]{10}");

    @Inject
    Caller caller;

    @Inject
    Outbox outbox;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    /** Records an outcome on its own, committed whatever happens to the caller's transaction. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(String action, String childRef, Outcome outcome) {
        persist(entry(callerActor(), action, childRef, outcome));
    }

    /** The same for a named actor (a Vert.x route), in the caller's transaction if there is one. */
    @Transactional
    public void record(Actor actor, String action, String childRef, Outcome outcome) {
        persist(entry(actor, action, childRef, outcome));
    }

    /**
     * A change the service made on its own in applying an event (a transferred child's records moved): no client or
     * practitioner of its own, the request id of the request that caused it (the event's requestid).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordApplied(String action, String childRef, String partnership) {
        persist(entry(new Actor(null, partnership, null, null, null), action, childRef, Outcome.SUCCESS));
    }

    /** What a refused request is recorded as. */
    public static Outcome refusal(ProblemException e) {
        return switch (e.status()) {
            case 403 -> Outcome.DENIED;
            case 404 -> Outcome.NOT_FOUND;
            case 308 -> Outcome.REDIRECTED;
            default -> Outcome.REJECTED;
        };
    }

    /**
     * Does work on one child's data and records what came of it, refusals included: who tried to reach which child,
     * and what they were told. One commit for the work and its success, not two (docs/performance.md, P1).
     */
    @Transactional
    public <T> T recorded(String action, String childRef, Supplier<T> work) {
        return recorded(action, work, result -> childRef, childRef);
    }

    /** Work on one object whose child is known once it has been found (null when it was not). */
    @Transactional
    public <T> T recorded(String action, Supplier<T> work, Function<T, String> childRefOf) {
        return recorded(action, work, childRefOf, null);
    }

    private <T> T recorded(String action, Supplier<T> work, Function<T, String> childRefOf, String refusedChildRef) {
        T result;
        try {
            result = work.get();
        } catch (ProblemException e) {
            record(action, refusedChildRef, refusal(e));
            throw e;
        }
        persist(entry(callerActor(), action, childRefOf.apply(result), Outcome.SUCCESS));
        return result;
    }

    private Actor callerActor() {
        return new Actor(caller.clientId(), caller.partnership(), caller.agency(), caller.practitionerId().orElse(null),
                caller.purpose().orElse(null));
    }

    private static AuditEntry entry(Actor actor, String action, String childRef, Outcome outcome) {
        AuditEntry entry = new AuditEntry();
        // microseconds, as PostgreSQL keeps them: the trail hashes the time the event carries
        entry.at = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        entry.clientId = actor.clientId();
        entry.partnership = actor.partnership();
        entry.agency = actor.agency();
        entry.practitionerId = actor.practitionerId();
        entry.purpose = actor.purpose();
        entry.action = action;
        entry.childRef = childRef != null && CHILD_REF.matcher(childRef).matches() ? childRef : null;
        entry.outcome = outcome.name();
        entry.requestId = Correlation.requestId();
        return entry;
    }

    /** The row and its event, together: the identity column gives the row its id at once (an immediate insert). */
    private void persist(AuditEntry entry) {
        entry.persist();
        AuditRecorded event = AuditRecorded.of(service, entry);
        outbox.append(AuditRecorded.TYPE, event.key(), entry.childRef, entry.partnership, event);
    }
}
