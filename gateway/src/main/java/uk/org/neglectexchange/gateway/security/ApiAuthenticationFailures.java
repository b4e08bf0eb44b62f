package uk.org.neglectexchange.gateway.security;

import java.util.function.BiConsumer;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import uk.org.neglectexchange.gateway.problem.FailureProblemHandler;
import uk.org.neglectexchange.gateway.routing.ApiRouter;

/**
 * Makes a refused token end in the routing context's failure handlers ({@link FailureProblemHandler}), which answer
 * with problem+json. Left alone, Quarkus answers both cases below itself with an empty 401 body.
 * <p>
 * Which paths need a token is set by the permission policy in application.properties; these filters only change
 * how a refusal is reported.
 */
@Singleton
public class ApiAuthenticationFailures {

    /** Before authentication (200): a request without a token never reaches the OIDC mechanism. */
    private static final int MISSING_TOKEN_PRIORITY = 210;

    /** After authentication (200) has installed its failure handler, before authorization (100) calls it. */
    private static final int FAILED_TOKEN_PRIORITY = 190;

    /** Quarkus sends the OIDC challenge straight to the client for an anonymous request, so it is caught earlier. */
    void refuseMissingToken(@Observes Filters filters) {
        filters.register(ctx -> {
            if (isApi(ctx) && !hasBearerToken(ctx)) {
                ctx.fail(new UnauthorizedException());
            } else {
                ctx.next();
            }
        }, MISSING_TOKEN_PRIORITY);
    }

    /** With lazy authentication a bad token is answered directly; failing the route instead is what proactive does. */
    void reportFailedToken(@Observes Filters filters) {
        BiConsumer<RoutingContext, Throwable> failRoute = RoutingContext::fail;
        filters.register(ctx -> {
            ctx.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, failRoute);
            ctx.next();
        }, FAILED_TOKEN_PRIORITY);
    }

    private static boolean isApi(RoutingContext ctx) {
        // "/api/v1" itself included
        return (ctx.normalizedPath() + "/").startsWith(ApiRouter.API_ROOT);
    }

    private static boolean hasBearerToken(RoutingContext ctx) {
        String authorization = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }
}
