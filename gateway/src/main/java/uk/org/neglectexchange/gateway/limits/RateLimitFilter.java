package uk.org.neglectexchange.gateway.limits;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;
import uk.org.neglectexchange.gateway.problem.ProblemResponses;
import uk.org.neglectexchange.gateway.routing.ApiRouter;

/**
 * Per-client rate limits on {@code /api/v1}. The bucket is chosen only once the token has been verified, so a forged
 * token naming another client cannot spend that client's allowance; a request whose token is missing or refused is
 * counted against its remote address instead ({@link #admitUnauthenticated}). Every API response carries
 * {@code RateLimit-Limit} and {@code RateLimit-Remaining}; a refused one is a 429 with {@code Retry-After}.
 */
@Singleton
public class RateLimitFilter {

    static final String LIMIT_HEADER = "RateLimit-Limit";
    static final String REMAINING_HEADER = "RateLimit-Remaining";

    /**
     * After authentication (200) and after {@code ApiAuthenticationFailures} (190) made a refused token fail the
     * route, before authorization (100), which would otherwise be the first to resolve the identity.
     */
    private static final int PRIORITY = 150;

    private final RateLimiter limiter;

    RateLimitFilter(RateLimiter limiter) {
        this.limiter = limiter;
    }

    void register(@Observes Filters filters) {
        filters.register(this::limit, PRIORITY);
    }

    private void limit(RoutingContext ctx) {
        if (!isApi(ctx)) {
            ctx.next();
            return;
        }
        // The same memoized identity authorization uses next: the token is verified once.
        QuarkusHttpUser.getSecurityIdentity(ctx, null).subscribe().with(identity -> {
            String clientId = clientId(identity);
            TokenBucket.Decision decision = clientId != null
                    ? limiter.takeForClient(clientId, identity.getPrincipal().getName())
                    : limiter.takeForAddress(address(ctx));
            if (admit(ctx, decision)) {
                ctx.next();
            }
        }, refused -> {
            // Nothing to do: the refused token has already failed the route, and the 401 is counted by address.
        });
    }

    /**
     * For a 401: counts the request against its remote address. Returns false when it has answered 429 instead, so
     * a caller cycling through bad tokens is slowed down like any other.
     */
    public boolean admitUnauthenticated(RoutingContext ctx) {
        return admit(ctx, limiter.takeForAddress(address(ctx)));
    }

    private static boolean admit(RoutingContext ctx, TokenBucket.Decision decision) {
        if (decision.allowed()) {
            // When the headers leave: a proxied response replaces the headers set so far.
            ctx.addHeadersEndHandler(v -> ctx.response().headers()
                    .set(LIMIT_HEADER, Long.toString(decision.limit()))
                    .set(REMAINING_HEADER, Long.toString(decision.remaining())));
            return true;
        }
        ctx.response().headers()
                .set(LIMIT_HEADER, Long.toString(decision.limit()))
                .set(REMAINING_HEADER, "0")
                .set("Retry-After", Long.toString(decision.retryAfterSeconds()));
        ProblemResponses.send(ctx, 429, "Too Many Requests",
                "This client has used its request allowance; retry after the number of seconds in Retry-After");
        return false;
    }

    private static String clientId(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return null;
        }
        Object azp = token.getClaim("azp");
        Object clientId = azp != null ? azp : token.getClaim("client_id");
        return clientId == null ? null : clientId.toString();
    }

    /** The peer the gateway sees: X-Forwarded-For is the caller's to write, so it cannot pick a bucket. */
    private static String address(RoutingContext ctx) {
        return ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress();
    }

    private static boolean isApi(RoutingContext ctx) {
        return (ctx.normalizedPath() + "/").startsWith(ApiRouter.API_ROOT);
    }
}
