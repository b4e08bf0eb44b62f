package uk.org.neglectexchange.escalation.escalation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * D8: a stage not resolved by its deadline escalates itself to the next stage and says so
 * ({@code escalation.deadline-breached}, then {@code escalation.stage-changed}); an overdue stage 4 is reported to
 * the partnership. Each stage breaches at most once, however often the check runs or how many replicas run it.
 */
@ApplicationScoped
public class EscalationDeadlineJob {

    private static final Logger LOG = Logger.getLogger(EscalationDeadlineJob.class);

    /** What one check did to one escalation. */
    public record Breach(UUID escalationId, int overdueStage, Integer escalatedToStage) {
    }

    @Inject
    EntityManager em;

    @Inject
    EscalationService escalations;

    @Inject
    EscalationDeadlines deadlines;

    @Inject
    EscalationEvents events;

    @Inject
    Clock clock;

    @Scheduled(identity = "escalation-deadlines", cron = "${nx.escalation.deadline-check.cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void daily() {
        check(LocalDate.now(clock));
    }

    /** A replica that was down at the scheduled time catches up as it starts. */
    void onStart(@Observes StartupEvent start) {
        check(LocalDate.now(clock));
    }

    @Transactional
    public List<Breach> check(LocalDate today) {
        List<Breach> breaches = new ArrayList<>();
        for (Escalation e : overdueOn(today)) {
            EscalationStage overdue = EscalationStage.current(e);
            if (overdue.deadlineBreachedOn != null || !deadlines.overdue(overdue.deadline, today)) {
                continue;
            }
            overdue.deadlineBreachedOn = today;
            if (e.stage < StageOrder.LAST) {
                overdue.endedOn = today;
                EscalationStage next = escalations.openStage(e, StageOrder.next(e.stage), StageEntry.DEADLINE_PASSED,
                        overdue.issue, today, null, null, overdue.agencies);
                next.persist();
                events.deadlineBreached(e, overdue, next.stage);
                events.stageChanged(e, overdue.stage, next);
                breaches.add(new Breach(e.id, overdue.stage, next.stage));
            } else {
                events.deadlineBreached(e, overdue, null);
                breaches.add(new Breach(e.id, overdue.stage, null));
            }
        }
        if (!breaches.isEmpty()) {
            LOG.infof("Escalation deadlines on %s: %d stage(s) overdue", today, breaches.size());
        }
        return breaches;
    }

    /** Open escalations past their current deadline, locked; rows another check holds are left to it. */
    private List<Escalation> overdueOn(LocalDate today) {
        @SuppressWarnings("unchecked")
        List<Escalation> due = em.createNativeQuery("select * from escalation where status = 'OPEN' and deadline < :today"
                + " order by sequence_no for update skip locked", Escalation.class)
                .setParameter("today", today).getResultList();
        return due;
    }
}
