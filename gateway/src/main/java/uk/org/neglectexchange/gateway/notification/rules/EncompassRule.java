package uk.org.neglectexchange.gateway.notification.rules;

import static uk.org.neglectexchange.gateway.notification.Fields.text;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import uk.org.neglectexchange.gateway.notification.Fields;
import uk.org.neglectexchange.gateway.notification.Notice;
import uk.org.neglectexchange.gateway.notification.NotificationRule;
import uk.org.neglectexchange.gateway.notification.NotificationType;
import uk.org.neglectexchange.gateway.notification.Recipient;
import uk.org.neglectexchange.platform.calendar.WorkingDayCalendar;
import uk.org.neglectexchange.platform.inbox.ReceivedEvent;

/**
 * Operation Encompass: police attendance at a domestic-abuse incident involving a school-age child tells the
 * education agency of the child's partnership at once, to act by the start of the next school day: 08:30 (UK time)
 * on the first working day whose 08:30 is after the entry was recorded. Only the minimum a school needs: that an
 * incident happened, when, and which child; never the police narrative. A correction of an entry tells nobody again.
 */
@ApplicationScoped
public class EncompassRule implements NotificationRule {

    static final ZoneId UK = ZoneId.of("Europe/London");
    static final LocalTime SCHOOL_DAY_STARTS = LocalTime.of(8, 30);
    private static final Set<String> SCHOOL_AGE = Set.of("5_11", "12_17");

    private final WorkingDayCalendar calendar;

    EncompassRule(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public List<Notice> noticesFor(ReceivedEvent event, Involvement involvement) {
        JsonNode data = event.data();
        if (!event.type().equals("chronology.entry-added") || !"POLICE".equals(text(data, "agency"))
                || !"POLICE_ATTENDANCE".equals(text(data, "type")) || !"DOMESTIC_ABUSE".equals(text(data, "incidentType"))
                || !SCHOOL_AGE.contains(text(data, "ageBand")) || data.hasNonNull("supersedes")) {
            return List.of();
        }
        String partnership = text(data, "partnership");
        OffsetDateTime actBy = actBy(OffsetDateTime.parse(text(data, "recordedAt")));
        var fields = Fields.pick(data, "entryId", "childRef", "partnership", "occurredOn", "recordedAt");
        fields.put("actBy", actBy.toString());
        return List.of(Notice.of(event.id(), NotificationType.ENCOMPASS_INCIDENT, text(data, "childRef"), partnership,
                List.of(Recipient.agency(partnership, "EDUCATION")), "ENCOMPASS", fields).actingBy(actBy));
    }

    /** The start of the next school day after {@code recordedAt}, in UTC as every time in a notification. */
    OffsetDateTime actBy(OffsetDateTime recordedAt) {
        ZonedDateTime recorded = recordedAt.atZoneSameInstant(UK);
        LocalDate day = recorded.toLocalDate();
        if (!calendar.isWorkingDay(day) || !recorded.toLocalTime().isBefore(SCHOOL_DAY_STARTS)) {
            day = calendar.plusWorkingDays(day, 1);
        }
        return day.atTime(SCHOOL_DAY_STARTS).atZone(UK).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }
}
