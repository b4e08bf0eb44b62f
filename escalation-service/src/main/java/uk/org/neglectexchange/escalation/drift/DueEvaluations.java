package uk.org.neglectexchange.escalation.drift;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.scheduler.Scheduled;
import uk.org.neglectexchange.escalation.caseprojection.CaseChanged;
import uk.org.neglectexchange.platform.correlation.Correlation;

/**
 * A child whose case changed is evaluated a moment later, not in the transaction that changed it. The change marks
 * the child due (drift_evaluation_due); the drain evaluates the marked children a page at a time and removes their
 * marks in the same transaction. Evaluating reads the child's whole history and open alerts, so once per event was
 * what left the case projection behind under load and after an outage (docs/performance.md, "The case projection
 * under load"); now a child with many events waiting is evaluated once for all of them. Marks are rows: a killed
 * replica loses none, a failed evaluation leaves them for the next drain, and two replicas drain disjoint pages.
 */
@ApplicationScoped
public class DueEvaluations {

    /** Marks taken per transaction; a child's marks beyond them are taken by the next page. */
    static final int MARKS_PER_PAGE = 1000;

    @Inject
    EntityManager em;

    @Inject
    DriftEvaluator evaluator;

    @Inject
    Clock clock;

    /** Marks the child due, with the request and trace that changed its case (the drift events carry them on). */
    @Transactional(Transactional.TxType.MANDATORY)
    void onCaseChanged(@Observes CaseChanged changed) {
        em.createNativeQuery("insert into drift_evaluation_due (child_ref, request_id, traceparent)"
                + " values (:child, :request, :trace)")
                .setParameter("child", changed.childRef()).setParameter("request", Correlation.requestId())
                .setParameter("trace", Correlation.traceparent()).executeUpdate();
    }

    @Scheduled(identity = "drift-due-evaluations", every = "${nx.drift.evaluation.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void drain() {
        while (evaluatePage() == MARKS_PER_PAGE) {
            // a full page: more may be waiting
        }
    }

    /**
     * Takes a page of marks, evaluates their children on today's date, each on behalf of its latest change, and
     * returns how many marks it took.
     */
    @Transactional
    int evaluatePage() {
        @SuppressWarnings("unchecked")
        List<Object[]> marks = em.createNativeQuery("delete from drift_evaluation_due where id in (select id from"
                + " drift_evaluation_due order by id limit :marks for update skip locked)"
                + " returning id, child_ref, request_id, traceparent")
                .setParameter("marks", MARKS_PER_PAGE).getResultList();
        Map<String, Object[]> latest = marks.stream().collect(Collectors.toMap(m -> (String) m[1], m -> m,
                (a, b) -> ((Number) a[0]).longValue() > ((Number) b[0]).longValue() ? a : b));
        if (!latest.isEmpty()) {
            evaluator.evaluate(List.copyOf(latest.keySet()), LocalDate.now(clock),
                    child -> Correlation.applying((String) latest.get(child)[2], (String) latest.get(child)[3]));
        }
        return marks.size();
    }
}
