package uk.org.neglectexchange.gateway.notification;

import java.util.List;

import uk.org.neglectexchange.platform.inbox.ReceivedEvent;

/** One rule of who is told what: from an event, the notices it calls for (none for most events). */
public interface NotificationRule {

    List<Notice> noticesFor(ReceivedEvent event, Involvement involvement);

    /** The agencies involved with a child in a partnership, as the exchange knows them before this event. */
    interface Involvement {
        List<String> agencies(String childRef, String partnership);
    }
}
