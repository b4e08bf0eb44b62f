package uk.org.neglectexchange.gateway.notification;

import java.sql.SQLException;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.identity.SecurityIdentity;
import uk.org.neglectexchange.gateway.stream.Journal;
import uk.org.neglectexchange.gateway.stream.StreamAudience;
import uk.org.neglectexchange.platform.audit.Audit;
import uk.org.neglectexchange.platform.caller.Caller;
import uk.org.neglectexchange.platform.problem.ProblemException;

/**
 * The agency feed, for systems that cannot take inbound calls: the calling client's notifications, oldest first,
 * the same CloudEvents its webhooks carry. {@code nextCursor} is always given: ask again with it for what is new.
 * Notifications are kept as long as the event stream's journal ({@code nx.stream.retention}).
 */
@Path("/api/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("notification-subscribe")
@Tag(name = "Notifications", description = "What the exchange tells an agency: webhooks and the agency feed")
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "The token lacks role notification-subscribe, or names no agency")
public class FeedResource {

    @Inject
    SecurityIdentity identity;

    @Inject
    Caller caller;

    @Inject
    Journal journal;

    @Inject
    Audit audit;

    @Inject
    ObjectMapper json;

    @GET
    @Operation(summary = "The calling client's notifications after a cursor, oldest first",
            description = "Without after, from the oldest kept. The stream of the same: /api/v1/notifications/stream.")
    // NotificationPage and Notification are written in META-INF/openapi.yaml, as the webhooks that send the same
    @APIResponse(responseCode = "200", description = "A page of notifications, oldest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "NotificationPage")))
    @APIResponse(responseCode = "400", description = "after is not a cursor, or limit is out of range")
    public FeedPage page(@QueryParam("after") String after, @QueryParam("limit") @DefaultValue("100") int limit)
            throws SQLException {
        Recipient recipient = Recipient.of(identity).orElseThrow(() -> ProblemException.forbidden(
                "The token names no agency, business team or panel of a partnership to notify"));
        long afterSeq = cursor(after);
        if (limit < 1 || limit > 500) {
            throw ProblemException.badRequest("limit", "must be between 1 and 500");
        }
        List<Journal.Journalled> rows = journal.envelopes(afterSeq, StreamAudience.recipient(recipient.key()), limit);
        audit.record("notifications.read", null, Audit.Outcome.SUCCESS);
        List<JsonNode> items = rows.stream().map(row -> tree(row.envelope())).toList();
        long next = rows.isEmpty() ? afterSeq : rows.get(rows.size() - 1).seq();
        return new FeedPage(items, Long.toString(next));
    }

    /** A page of the feed: notifications as CloudEvents, and where to go on from. */
    public record FeedPage(List<JsonNode> items, String nextCursor) {
    }

    private static long cursor(String after) {
        if (after == null) {
            return 0;
        }
        try {
            long seq = Long.parseLong(after);
            if (seq >= 0) {
                return seq;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ProblemException.badRequest("after", "must be a nextCursor from a previous page");
    }

    private JsonNode tree(String envelope) {
        try {
            return json.readTree(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a journalled notification is not JSON", e);
        }
    }
}
