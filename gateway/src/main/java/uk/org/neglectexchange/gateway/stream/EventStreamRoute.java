package uk.org.neglectexchange.gateway.stream;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import uk.org.neglectexchange.gateway.problem.ProblemResponses;
import uk.org.neglectexchange.platform.audit.Audit;

/**
 * {@code GET /api/v1/events/stream}: server-sent events for partnership dashboards (role {@code dashboard}), only
 * the events of the partnership named in the caller's token. A Vert.x route rather than a REST resource, so each
 * connection can be written exactly as fast as its client reads (see {@link StreamClient}). The token itself was
 * checked before this route, as for every /api/v1 path.
 */
@Singleton
public class EventStreamRoute {

    public static final String PATH = "/api/v1/events/stream";
    static final String ROLE = "dashboard";
    private static final Set<String> PARTNERSHIPS = Set.of("HSCP", "IOWSCP", "WSSCP");
    private static final String TYPE = "[a-z][a-z.-]{1,80}";

    private final Journal journal;
    private final StreamHub hub;
    private final StreamConfig config;
    private final Audit audit;

    EventStreamRoute(Journal journal, StreamHub hub, StreamConfig config, Audit audit) {
        this.journal = journal;
        this.hub = hub;
        this.config = config;
        this.audit = audit;
    }

    void register(@Observes Router router) {
        router.get(PATH).handler(this::stream);
    }

    private void stream(RoutingContext ctx) {
        SecurityIdentity identity = withRole(ctx, ROLE, "The event stream is for partnership dashboards (role dashboard)");
        if (identity == null) {
            return;
        }
        JsonWebToken token = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt : null;
        String partnership = token == null ? null : token.getClaim("partnership");
        if (partnership == null || !PARTNERSHIPS.contains(partnership)) {
            ProblemResponses.send(ctx, 403, "Forbidden", "The token names no partnership whose events could be streamed");
            return;
        }
        Optional<Set<String>> types = types(ctx.request().getParam("types"));
        if (types.isPresent() && !types.get().stream().allMatch(type -> type.matches(TYPE))) {
            ProblemResponses.send(ctx, 400, "Bad Request", "types must be event types separated by commas, e.g. assessment.started");
            return;
        }
        String clientId = token.getClaim("azp");
        Audit.Actor actor = new Audit.Actor(clientId, partnership, token.getClaim("agency"), null, null);
        // the events name children: opening the stream is audited like any read, off the event loop
        ctx.vertx().executeBlocking(() -> {
            audit.record(actor, "events.stream", null, Audit.Outcome.SUCCESS);
            return null;
        }, false).onComplete(audited -> {
            if (audited.failed()) {
                ProblemResponses.send(ctx, 503, "Service Unavailable", "The event stream cannot be opened now; try again");
                return;
            }
            open(ctx, clientId, StreamAudience.dashboard(partnership), types);
        });
    }

    /**
     * The caller's identity when it holds {@code role}; otherwise null, the request already answered: 401 without a
     * valid token (checked before the route, as for every /api/v1 path), 403 naming why without the role.
     */
    public static SecurityIdentity withRole(RoutingContext ctx, String role, String refusal) {
        SecurityIdentity identity = ctx.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
        if (identity == null || identity.isAnonymous()) {
            ctx.fail(new UnauthorizedException());
            return null;
        }
        if (!identity.hasRole(role)) {
            ProblemResponses.send(ctx, 403, "Forbidden", refusal);
            return null;
        }
        return identity;
    }

    /**
     * Serves the journal to one connection as server-sent events, from after its Last-Event-ID (header, or the
     * lastEventId parameter for clients that cannot set headers) or else from now: the dashboards' event stream,
     * and the agency feed's stream of notifications.
     */
    public void open(RoutingContext ctx, String clientId, StreamAudience audience, Optional<Set<String>> types) {
        String lastEventId = ctx.request().getHeader("Last-Event-ID");
        if (lastEventId == null) {
            lastEventId = ctx.request().getParam("lastEventId");
        }
        HttpServerResponse response = ctx.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/event-stream;charset=UTF-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                // tells a buffering reverse proxy in front of the gateway to pass each message on at once
                .putHeader("X-Accel-Buffering", "no")
                .setChunked(true);
        new StreamClient(ctx.vertx().getOrCreateContext(), response, journal, hub, clientId, audience, types,
                config.clientBuffer()).start(lastEventId, config.heartbeat().toMillis());
    }

    private static Optional<Set<String>> types(String param) {
        Set<String> types = param == null ? Set.of() : new LinkedHashSet<>(Arrays.stream(param.split(","))
                .map(String::strip).filter(type -> !type.isEmpty()).toList());
        return types.isEmpty() ? Optional.empty() : Optional.of(types);
    }
}
