package uk.org.neglectexchange.gateway.problem;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import uk.org.neglectexchange.gateway.limits.RateLimitFilter;

/**
 * Every error the gateway itself produces leaves as problem+json: refused tokens (routed here by
 * {@code ApiAuthenticationFailures}), unknown paths (which Vert.x Web would answer with HTML) and anything unexpected.
 */
@Singleton
public class FailureProblemHandler {

    private static final Logger LOG = Logger.getLogger(FailureProblemHandler.class);

    /** Same challenge the services send, so a client sees one realm whichever component refused it. */
    static final String BEARER_CHALLENGE = "Bearer realm=\"neglect-exchange\"";

    private final RateLimitFilter rateLimits;

    FailureProblemHandler(RateLimitFilter rateLimits) {
        this.rateLimits = rateLimits;
    }

    void register(@Observes Router router) {
        // First among failure handlers: Quarkus's own authentication failure handler would otherwise answer first.
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handleFailure);
        router.errorHandler(404, ctx -> sendStatus(ctx, 404));
        router.errorHandler(405, ctx -> sendStatus(ctx, 405));
    }

    private void handleFailure(RoutingContext ctx) {
        if (ctx.response().ended()) {
            return;
        }
        Throwable failure = ctx.failure();
        if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException
                || failure instanceof AuthenticationCompletionException) {
            if (!rateLimits.admitUnauthenticated(ctx)) {
                return;
            }
            ctx.response().putHeader("WWW-Authenticate", BEARER_CHALLENGE);
            ProblemResponses.send(ctx, 401, "Unauthorized",
                    "A valid bearer token from the neglect-exchange realm is required");
        } else if (failure instanceof ForbiddenException) {
            ProblemResponses.send(ctx, 403, "Forbidden", "The token's roles do not allow this operation");
        } else if (failure == null && ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
            sendStatus(ctx, ctx.statusCode());
        } else {
            LOG.errorf(failure, "Unexpected failure on %s", ctx.request().path());
            ProblemResponses.send(ctx, 500, "Internal Server Error",
                    "The request could not be completed; it has been logged");
        }
    }

    private static void sendStatus(RoutingContext ctx, int code) {
        HttpResponseStatus status = HttpResponseStatus.valueOf(code);
        String detail = switch (code) {
            case 404 -> "No resource at this path";
            case 405 -> "This method is not allowed on this resource";
            case 413 -> "The request body is too large";
            default -> "The request could not be processed";
        };
        ProblemResponses.send(ctx, code, status.reasonPhrase(), detail);
    }
}
