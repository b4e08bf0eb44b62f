package uk.org.neglectexchange.gateway.notification;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One notification a rule decided on: its type, what it is about ({@code subject}: a childRef, an escalation id or
 * a toolkit family), the partnership, its recipients, why they are told ({@code reason}, a code), the fields it
 * carries (codes, ids, dates and agencies, as in the events), and for Encompass the time to act by.
 * {@code id} is derived from the cause, so a notice decided twice is one notification.
 */
public record Notice(UUID id, NotificationType type, String subject, String partnership, List<Recipient> recipients,
        String reason, ObjectNode fields, OffsetDateTime actBy) {

    public static Notice of(UUID causeId, NotificationType type, String subject, String partnership,
            List<Recipient> recipients, String reason, ObjectNode fields) {
        return new Notice(idFor(causeId, type, partnership, reason), type, subject, partnership, List.copyOf(recipients), reason,
                fields, null);
    }

    public Notice actingBy(OffsetDateTime time) {
        return new Notice(id, type, subject, partnership, recipients, reason, fields, time);
    }

    static UUID idFor(UUID causeId, NotificationType type, String partnership, String reason) {
        return UUID.nameUUIDFromBytes((causeId + "/" + type.wireName() + "/" + partnership + "/" + reason).getBytes(StandardCharsets.UTF_8));
    }
}
