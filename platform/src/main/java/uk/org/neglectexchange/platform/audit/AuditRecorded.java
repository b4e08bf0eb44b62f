package uk.org.neglectexchange.platform.audit;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.org.neglectexchange.platform.inbox.PoisonEvent;
import uk.org.neglectexchange.platform.inbox.ReceivedEvent;

/**
 * The {@code audit.recorded} event (docs/events/audit.recorded.json): one audit row of one service, keyed by
 * partnership on {@code audit-events} so that a partnership's trail stays in order. No identity: a childRef only.
 */
public record AuditRecorded(String service, long entryId, OffsetDateTime at, String clientId, String partnership,
        String agency, String practitionerId, String purpose, String action, String childRef, String outcome,
        String requestId) {

    public static final String TYPE = "audit.recorded";
    /** The key of rows no partnership owns (a scheduled job's, a token without the claim). */
    public static final String NO_PARTNERSHIP = "NONE";

    static AuditRecorded of(String service, AuditEntry e) {
        return new AuditRecorded(service, e.id, e.at, e.clientId, e.partnership, e.agency, e.practitionerId, e.purpose,
                e.action, e.childRef, e.outcome, e.requestId);
    }

    /** The row an event on audit-events carries; anything else there is poison. */
    public static AuditRecorded from(ReceivedEvent event, ObjectMapper json) {
        if (!TYPE.equals(event.type())) {
            throw new PoisonEvent(event.type() + " does not belong on audit-events");
        }
        try {
            return json.treeToValue(event.data(), AuditRecorded.class);
        } catch (JsonProcessingException e) {
            throw new PoisonEvent("audit.recorded data does not fit an audit row");
        }
    }

    public String key() {
        return partnership == null ? NO_PARTNERSHIP : partnership;
    }
}
