package uk.org.neglectexchange.gateway.notification;

import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import uk.org.neglectexchange.gateway.problem.ProblemResponses;
import uk.org.neglectexchange.gateway.stream.EventStreamRoute;
import uk.org.neglectexchange.gateway.stream.StreamAudience;
import uk.org.neglectexchange.platform.audit.Audit;
import uk.org.neglectexchange.platform.caller.Caller;
import uk.org.neglectexchange.platform.problem.ProblemException;

/**
 * {@code GET /api/v1/notifications/stream}: the agency feed as server-sent events (role
 * {@code notification-subscribe}), the calling client's notifications only, resumable with {@code Last-Event-ID}.
 * The connection is audited as a read of the feed.
 */
@Singleton
public class FeedStreamRoute {

    public static final String PATH = "/api/v1/notifications/stream";
    static final String ROLE = "notification-subscribe";

    private final EventStreamRoute streams;
    private final Audit audit;

    FeedStreamRoute(EventStreamRoute streams, Audit audit) {
        this.streams = streams;
        this.audit = audit;
    }

    void register(@Observes Router router) {
        router.get(PATH).handler(this::stream);
    }

    private void stream(RoutingContext ctx) {
        SecurityIdentity identity = EventStreamRoute.withRole(ctx, ROLE, "The notification feed needs role notification-subscribe");
        if (identity == null) {
            return;
        }
        Optional<Recipient> recipient = Recipient.of(identity);
        if (recipient.isEmpty()) {
            ProblemResponses.send(ctx, 403, "Forbidden",
                    "The token names no agency, business team or panel of a partnership to notify");
            return;
        }
        JsonWebToken token = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt : null;
        String clientId = token == null ? null : token.getClaim("azp");
        String partnership = token == null ? null : token.getClaim("partnership");
        String practitioner;
        try {
            practitioner = Caller.practitioner(ctx.request().getHeader(Caller.PRACTITIONER_HEADER)).orElse(null);
        } catch (ProblemException e) {
            ProblemResponses.send(ctx, 400, "Bad Request", e.getMessage());
            return;
        }
        ctx.vertx().executeBlocking(() -> {
            audit.record(new Audit.Actor(clientId, partnership, recipient.get().audience(), practitioner, null),
                    "notifications.stream", null, Audit.Outcome.SUCCESS);
            return null;
        }, false).onComplete(audited -> {
            if (audited.failed()) {
                ProblemResponses.send(ctx, 503, "Service Unavailable", "The feed cannot be opened now; try again");
                return;
            }
            streams.open(ctx, clientId, StreamAudience.recipient(recipient.get().key()), Optional.empty());
        });
    }
}
