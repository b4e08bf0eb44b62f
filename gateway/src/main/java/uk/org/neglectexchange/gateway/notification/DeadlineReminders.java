package uk.org.neglectexchange.gateway.notification;

import static uk.org.neglectexchange.gateway.notification.Fields.text;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import uk.org.neglectexchange.gateway.notification.rules.DeadlineReminderRule;
import uk.org.neglectexchange.gateway.notification.rules.DeadlineReminderRule.OpenEscalation;
import uk.org.neglectexchange.platform.inbox.ReceivedEvent;

/**
 * Keeps each open escalation's current stage deadline (table escalation_deadline) from the escalation events, and
 * every {@code nx.notifications.reminder-check} sends the reminders due ({@link DeadlineReminderRule}). Rows are
 * taken with SKIP LOCKED and marked in the same transaction as the notice, so with several replicas each reminder
 * is sent once.
 */
@ApplicationScoped
public class DeadlineReminders {

    private static final Logger LOG = Logger.getLogger(DeadlineReminders.class);
    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final int BATCH = 100;

    @Inject
    EntityManager em;

    @Inject
    DeadlineReminderRule rule;

    @Inject
    Notifier notifier;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void track(ReceivedEvent event) {
        JsonNode data = event.data();
        switch (event.type()) {
            case "escalation.raised" -> open(data, data.path("stage").asInt());
            case "escalation.stage-changed" -> open(data, data.path("toStage").asInt());
            case "escalation.resolved" -> em.createNativeQuery("delete from escalation_deadline where escalation_id = :id")
                    .setParameter("id", UUID.fromString(text(data, "escalationId"))).executeUpdate();
            default -> {
            }
        }
    }

    /** A new stage or deadline is a new reminder; the same one seen again keeps whether it was sent. */
    private void open(JsonNode data, int stage) {
        if (!data.hasNonNull("deadline")) {
            return;
        }
        LocalDate deadline = LocalDate.parse(text(data, "deadline"));
        em.createNativeQuery("insert into escalation_deadline (escalation_id, child_ref, partnership, raised_by_agency,"
                + " other_agency, stage, deadline, remind_on) values (:id, :child, :p, :raisedBy, :other, :stage, :deadline,"
                + " :remindOn) on conflict (escalation_id) do update set stage = excluded.stage,"
                + " deadline = excluded.deadline, remind_on = excluded.remind_on, reminded_at = case when"
                + " escalation_deadline.stage = excluded.stage and escalation_deadline.deadline = excluded.deadline"
                + " then escalation_deadline.reminded_at end")
                .setParameter("id", UUID.fromString(text(data, "escalationId")))
                .setParameter("child", text(data, "childRef")).setParameter("p", text(data, "partnership"))
                .setParameter("raisedBy", text(data, "raisedByAgency")).setParameter("other", text(data, "otherAgency"))
                .setParameter("stage", stage).setParameter("deadline", deadline)
                .setParameter("remindOn", rule.remindOn(deadline)).executeUpdate();
    }

    @Scheduled(every = "${nx.notifications.reminder-check}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sendDue() {
        LocalDate today = LocalDate.now(clock.withZone(UK));
        int sent;
        do {
            sent = QuarkusTransaction.requiringNew().call(() -> sendDue(today));
        } while (sent == BATCH);
    }

    @SuppressWarnings("unchecked")
    private int sendDue(LocalDate today) {
        List<Object[]> due = em.createNativeQuery("select escalation_id, child_ref, partnership, raised_by_agency,"
                + " other_agency, stage, deadline from escalation_deadline where reminded_at is null and remind_on <= :today"
                + " and deadline >= :today order by remind_on limit " + BATCH + " for update skip locked")
                .setParameter("today", today).getResultList();
        for (Object[] row : due) {
            OpenEscalation escalation = new OpenEscalation((UUID) row[0], (String) row[1], (String) row[2],
                    (String) row[3], (String) row[4], ((Number) row[5]).intValue(), toLocalDate(row[6]));
            notifier.send(rule.reminder(escalation));
            em.createNativeQuery("update escalation_deadline set reminded_at = now() where escalation_id = :id")
                    .setParameter("id", escalation.escalationId()).executeUpdate();
        }
        if (!due.isEmpty()) {
            LOG.infof("Sent %d escalation deadline reminders", due.size());
        }
        return due.size();
    }

    private static LocalDate toLocalDate(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }
}
