package uk.org.neglectexchange.gateway.routing;

import java.util.HashMap;
import java.util.Map;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import uk.org.neglectexchange.gateway.limits.LimitsConfig;
import uk.org.neglectexchange.gateway.problem.ProblemResponses;

/**
 * Sends each {@code /api/v1/<segment>/...} request to the service that owns the segment. The token has already been
 * checked (see the permission policy in application.properties) and the Authorization header goes on unchanged:
 * each service verifies the token again, since it never trusts that a request came through the gateway.
 */
@Singleton
public class ApiRouter {

    public static final String API_ROOT = "/api/v1/";

    private final Map<String, ServiceProxy> proxiesBySegment = new HashMap<>();
    private final RoutesConfig config;

    ApiRouter(Vertx vertx, RoutesConfig config, LimitsConfig limits) {
        this.config = config;
        config.services().forEach((name, service) -> {
            ServiceProxy proxy = new ServiceProxy(vertx, name, service, limits);
            service.segments().forEach(segment -> proxiesBySegment.put(segment, proxy));
        });
    }

    void register(@Observes Router router) {
        router.route(API_ROOT + "*").handler(this::route);
    }

    private void route(RoutingContext ctx) {
        // Normalised, so "/api/v1/toolkits/../children" is routed where the service will resolve it.
        String segment = firstSegment(ctx.normalizedPath());
        ServiceProxy target = proxiesBySegment.get(segment);
        if (target != null) {
            target.proxy().handle(ctx.request());
        } else if (config.servedByGateway().contains(segment)) {
            ctx.next();
        } else {
            // The path is not repeated in the detail (only in instance, like every problem): a mistyped URL may
            // hold something that must not be echoed back into logs, such as an identifier.
            ProblemResponses.send(ctx, 404, "Not Found", "The API has no resources under this path");
        }
    }

    private static String firstSegment(String path) {
        String rest = path.length() > API_ROOT.length() ? path.substring(API_ROOT.length()) : "";
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    @PreDestroy
    void closeClients() {
        proxiesBySegment.values().stream().distinct().forEach(ServiceProxy::close);
    }
}
