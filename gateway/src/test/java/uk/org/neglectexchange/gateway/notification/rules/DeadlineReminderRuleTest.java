package uk.org.neglectexchange.gateway.notification.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import uk.org.neglectexchange.gateway.notification.Notice;
import uk.org.neglectexchange.gateway.notification.NotificationType;
import uk.org.neglectexchange.gateway.notification.Recipient;
import uk.org.neglectexchange.gateway.notification.rules.DeadlineReminderRule.OpenEscalation;
import uk.org.neglectexchange.platform.calendar.WorkingDayCalendar;

class DeadlineReminderRuleTest {

    private final DeadlineReminderRule rule = new DeadlineReminderRule(new WorkingDayCalendar());

    @Test
    void theReminderIsDueOneWorkingDayBeforeTheDeadline() {
        assertEquals(LocalDate.of(2026, 12, 9), rule.remindOn(LocalDate.of(2026, 12, 10)));
        // a Monday deadline is reminded on the Friday before
        assertEquals(LocalDate.of(2026, 12, 4), rule.remindOn(LocalDate.of(2026, 12, 7)));
    }

    @Test
    void bothPartiesAreRemindedOncePerStageDeadline() {
        UUID id = UUID.randomUUID();
        OpenEscalation stageOne = new OpenEscalation(id, "C-1", "HSCP", "HEALTH", "POLICE", 1, LocalDate.of(2026, 12, 10));
        Notice reminder = rule.reminder(stageOne);

        assertEquals(NotificationType.ESCALATION_DEADLINE_APPROACHING, reminder.type());
        assertEquals(java.util.List.of(Recipient.agency("HSCP", "HEALTH"), Recipient.agency("HSCP", "POLICE")),
                reminder.recipients());
        assertEquals(reminder.id(), rule.reminder(stageOne).id());
        assertNotEquals(reminder.id(), rule.reminder(new OpenEscalation(id, "C-1", "HSCP", "HEALTH", "POLICE", 2,
                LocalDate.of(2026, 12, 17))).id());
    }
}
