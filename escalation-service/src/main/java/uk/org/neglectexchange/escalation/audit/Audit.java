package uk.org.neglectexchange.escalation.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import uk.org.neglectexchange.platform.caller.Caller;
import uk.org.neglectexchange.platform.correlation.Correlation;
import uk.org.neglectexchange.platform.problem.ProblemException;

/**
 * Records who read or changed an escalation or a drift alert, about which child, and what came of it: each names a
 * child and what the agencies think of its care, so it is child data. In its own transaction, so a refused request
 * is recorded as such even though its own changes roll back. Same shape as the assessment service's audit.
 */
@ApplicationScoped
public class Audit {

    public enum Outcome {
        SUCCESS, DENIED, NOT_FOUND, REJECTED
    }

    /** A refused request's childRef is what the client typed: anything that is not a childRef is not kept. */
    private static final Pattern CHILD_REF = Pattern.compile("CH-[A-Z2-9]{10}");

    @Inject
    Caller caller;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(String action, String childRef, Outcome outcome) {
        AuditEntry entry = new AuditEntry();
        entry.at = OffsetDateTime.now(ZoneOffset.UTC);
        entry.clientId = caller.clientId();
        entry.partnership = caller.partnership();
        entry.agency = caller.agency();
        entry.practitionerId = caller.practitionerId().orElse(null);
        entry.action = action;
        entry.childRef = childRef != null && CHILD_REF.matcher(childRef).matches() ? childRef : null;
        entry.outcome = outcome.name();
        entry.requestId = Correlation.requestId();
        entry.persist();
    }

    /** Work about a child named before it starts (a new escalation's childRef, a list filtered by child). */
    public <T> T recorded(String action, String childRef, Supplier<T> work) {
        return recorded(action, work, result -> childRef, childRef);
    }

    /** Work on one object, whose child is known once it has been found (null when it was not). */
    public <T> T recorded(String action, Supplier<T> work, Function<T, String> childRefOf) {
        return recorded(action, work, childRefOf, null);
    }

    private <T> T recorded(String action, Supplier<T> work, Function<T, String> childRefOf, String refusedChildRef) {
        T result;
        try {
            result = work.get();
        } catch (ProblemException e) {
            record(action, refusedChildRef, switch (e.status()) {
                case 403 -> Outcome.DENIED;
                case 404 -> Outcome.NOT_FOUND;
                default -> Outcome.REJECTED;
            });
            throw e;
        }
        record(action, childRefOf.apply(result), Outcome.SUCCESS);
        return result;
    }
}
