package uk.org.neglectexchange.gateway.notification.rules;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

import uk.org.neglectexchange.gateway.notification.Notice;
import uk.org.neglectexchange.gateway.notification.NotificationRule.Involvement;
import uk.org.neglectexchange.gateway.notification.Recipient;
import uk.org.neglectexchange.platform.inbox.ReceivedEvent;

/** Events as the rules receive them, and what the rules' tests look at. */
final class Events {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Events() {
    }

    static ReceivedEvent event(String type, String data) {
        try {
            return new ReceivedEvent(UUID.randomUUID(), type, "/test", null, OffsetDateTime.now(), JSON.readTree(data));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Involvement from a map of "childRef/partnership" to agencies. */
    static Involvement involved(Map<String, List<String>> agencies) {
        return (childRef, partnership) -> agencies.getOrDefault(childRef + "/" + partnership, List.of());
    }

    static final Involvement NOBODY = (childRef, partnership) -> List.of();

    static List<String> recipients(List<Notice> notices) {
        return notices.stream().flatMap(notice -> notice.recipients().stream()).map(Recipient::key).toList();
    }
}
