package uk.org.neglectexchange.assessment.assessment;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import uk.org.neglectexchange.assessment.audit.Audit;
import uk.org.neglectexchange.assessment.problem.ProblemException;

/** Runs a read or write of a child's assessment data and audits it, refusals included, as ChildResource does. */
@ApplicationScoped
public class AuditedCall {

    @Inject
    Audit audit;

    public <T> T run(String action, String childRef, Supplier<T> work) {
        T result;
        try {
            result = work.get();
        } catch (ProblemException e) {
            audit.record(action, childRef, switch (e.status()) {
                case 403 -> Audit.Outcome.DENIED;
                case 404 -> Audit.Outcome.NOT_FOUND;
                default -> Audit.Outcome.REJECTED;
            });
            throw e;
        }
        audit.record(action, childRef, Audit.Outcome.SUCCESS);
        return result;
    }
}
