package uk.org.neglectexchange.assessment.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import uk.org.neglectexchange.platform.caller.Caller;
import uk.org.neglectexchange.platform.correlation.Correlation;
import uk.org.neglectexchange.platform.problem.ProblemException;

/**
 * Records who touched which child's data, why, and what came of it. A success is recorded in the work's own
 * transaction, so a change and its audit row commit together or not at all; a refusal in a transaction of its own,
 * so it is recorded although the work's changes roll back.
 */
@ApplicationScoped
public class Audit {

    public enum Outcome {
        SUCCESS, DENIED, NOT_FOUND, REJECTED
    }

    /**
     * A refused request's childRef is what the client typed: one that cannot be a childRef may be anything (an NHS
     * number, kilobytes of text that overflow the index and turned the refusal into a 500), so it is not kept.
     */
    private static final Pattern CHILD_REF = Pattern.compile("CH-[A-Z2-9]{10}");

    @Inject
    Caller caller;

    /** Records an outcome on its own, committed whatever happens to the caller's transaction. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(String action, String childRef, Outcome outcome) {
        entry(action, childRef, outcome).persist();
    }

    private AuditEntry entry(String action, String childRef, Outcome outcome) {
        AuditEntry entry = new AuditEntry();
        entry.at = OffsetDateTime.now(ZoneOffset.UTC);
        entry.clientId = caller.clientId();
        entry.partnership = caller.partnership();
        entry.agency = caller.agency();
        entry.practitionerId = caller.practitionerId().orElse(null);
        entry.purpose = caller.purpose().orElse(null);
        entry.action = action;
        entry.childRef = childRef != null && CHILD_REF.matcher(childRef).matches() ? childRef : null;
        entry.outcome = outcome.name();
        entry.requestId = Correlation.requestId();
        return entry;
    }

    /** What a refused request is recorded as. */
    public static Outcome refusal(ProblemException e) {
        return switch (e.status()) {
            case 403 -> Outcome.DENIED;
            case 404 -> Outcome.NOT_FOUND;
            default -> Outcome.REJECTED;
        };
    }

    /**
     * Does work on one child's data and records what came of it, refusals included: who tried to reach which child,
     * and what they were told. One commit for the work and its success, not two (docs/performance.md, P1).
     */
    @Transactional
    public <T> T recorded(String action, String childRef, Supplier<T> work) {
        T result;
        try {
            result = work.get();
        } catch (ProblemException e) {
            record(action, childRef, refusal(e));
            throw e;
        }
        entry(action, childRef, Outcome.SUCCESS).persist();
        return result;
    }
}
