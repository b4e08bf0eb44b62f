package uk.org.neglectexchange.gateway.erasure;

import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;

import uk.org.neglectexchange.platform.inbox.ReceivedEvent;

/**
 * The children assessment-service erased ({@code child.erased}, the tombstone event). Each consumer deletes what it
 * holds of the child when it reads the tombstone (the dashboard, the stream journal, the notifications) and then
 * projects no event about it again: an escalation-events event can arrive after assessment-events' tombstone.
 */
@ApplicationScoped
public class ErasedChildren {

    public static final String ERASED = "child.erased";

    @Inject
    EntityManager em;

    /** The tombstone's child, or null for any other event. */
    public static String erasedBy(ReceivedEvent event) {
        return ERASED.equals(event.type()) ? event.data().path("childRef").asText(null) : null;
    }

    /** Remembers the erasure (once, whichever consumer reads the tombstone first). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remember(ReceivedEvent event) {
        JsonNode d = event.data();
        em.createNativeQuery("insert into erased_child (child_ref, erased_at) values (:child, :at) on conflict do nothing")
                .setParameter("child", d.get("childRef").asText())
                .setParameter("at", OffsetDateTime.parse(d.get("erasedAt").asText())).executeUpdate();
    }

    /**
     * The stream journal's events about the child (the tombstone itself is journaled after, so a stream client hears
     * to drop the child). A childRef is a token of its own ({@code CH-} and 10 letters or digits), so an envelope that
     * contains it is about the child, whichever field names it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void eraseJournal(ReceivedEvent event) {
        em.createNativeQuery("delete from stream_journal where recipients is null and envelope::text like :mentions")
                .setParameter("mentions", mentions(event)).executeUpdate();
        remember(event);
    }

    /**
     * The notices about the child (feed and webhook deliveries), who was involved with it and through which entries,
     * the entries rectified, and its reminders.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void eraseNotifications(ReceivedEvent event) {
        em.createNativeQuery("delete from stream_journal where recipients is not null and envelope::text like :mentions")
                .setParameter("mentions", mentions(event)).executeUpdate();
        em.createNativeQuery("delete from webhook_delivery where body like :mentions")
                .setParameter("mentions", mentions(event)).executeUpdate();
        for (String table : new String[] { "child_involvement", "child_involvement_entry", "rectified_entry",
                "escalation_deadline" }) {
            em.createNativeQuery("delete from " + table + " where child_ref = :child")
                    .setParameter("child", erasedBy(event)).executeUpdate();
        }
        remember(event);
    }

    private static String mentions(ReceivedEvent event) {
        return "%" + erasedBy(event) + "%";
    }

    /** True for an event (not the tombstone itself) about a child erased before it arrived. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean about(ReceivedEvent event) {
        String childRef = event.data().path("childRef").asText(null);
        return childRef != null && !ERASED.equals(event.type()) && !em.createNativeQuery(
                "select 1 from erased_child where child_ref = :child").setParameter("child", childRef).getResultList().isEmpty();
    }
}
