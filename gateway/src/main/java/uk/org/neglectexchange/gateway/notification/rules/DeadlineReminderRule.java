package uk.org.neglectexchange.gateway.notification.rules;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import uk.org.neglectexchange.gateway.notification.Notice;
import uk.org.neglectexchange.gateway.notification.NotificationType;
import uk.org.neglectexchange.gateway.notification.Recipient;
import uk.org.neglectexchange.platform.calendar.WorkingDayCalendar;

/**
 * Both parties to an escalation are reminded one working day before its stage deadline, so neither meets the
 * deadline unawares. {@code DeadlineReminders} keeps each open escalation's deadline and sends this on the day.
 */
@ApplicationScoped
public class DeadlineReminderRule {

    private final WorkingDayCalendar calendar;

    DeadlineReminderRule(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    public LocalDate remindOn(LocalDate deadline) {
        return calendar.minusWorkingDays(deadline, 1);
    }

    /** {@code stage} and {@code deadline} name the reminder: a new stage has its own deadline and its own reminder. */
    public Notice reminder(OpenEscalation escalation) {
        ObjectNode fields = JsonNodeFactory.instance.objectNode()
                .put("escalationId", escalation.escalationId().toString())
                .put("childRef", escalation.childRef())
                .put("partnership", escalation.partnership())
                .put("raisedByAgency", escalation.raisedByAgency())
                .put("otherAgency", escalation.otherAgency())
                .put("stage", escalation.stage())
                .put("deadline", escalation.deadline().toString());
        UUID cause = UUID.nameUUIDFromBytes((escalation.escalationId() + "/" + escalation.stage() + "/"
                + escalation.deadline()).getBytes(StandardCharsets.UTF_8));
        String partnership = escalation.partnership();
        return Notice.of(cause, NotificationType.ESCALATION_DEADLINE_APPROACHING, escalation.escalationId().toString(),
                partnership, List.of(escalation.raisedByAgency(), escalation.otherAgency()).stream().distinct()
                        .map(agency -> Recipient.agency(partnership, agency)).toList(), "ESCALATION_PARTY", fields);
    }

    /** An open escalation at a stage with a deadline, as the escalation events last described it. */
    public record OpenEscalation(UUID escalationId, String childRef, String partnership, String raisedByAgency,
            String otherAgency, int stage, LocalDate deadline) {
    }
}
