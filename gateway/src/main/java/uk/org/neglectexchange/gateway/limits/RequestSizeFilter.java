package uk.org.neglectexchange.gateway.limits;

import java.util.Map;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import uk.org.neglectexchange.gateway.problem.Problem;
import uk.org.neglectexchange.gateway.problem.ProblemResponses;

/**
 * Refuses, before the token is even verified, a request whose headers are too large (431) or whose Content-Length
 * announces a body over the limit (413). A body sent in chunks has no length to check here: {@link BodySizeInterceptor}
 * counts it while it streams to the service, and Quarkus's own limit (set to the same value) covers the gateway's own
 * resources.
 */
@Singleton
public class RequestSizeFilter {

    /** After the request id (1000), so even these refusals carry one. */
    private static final int PRIORITY = 950;

    /** ": " and CRLF around each header, as counted on the wire. */
    private static final int HEADER_OVERHEAD = 4;

    private final long maxBodyBytes;
    private final long maxHeaderBytes;

    RequestSizeFilter(LimitsConfig config) {
        this.maxBodyBytes = config.maxBodySize().asLongValue();
        this.maxHeaderBytes = config.maxHeaderSize().asLongValue();
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    private void check(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (headerBytes(request) > maxHeaderBytes) {
            ProblemResponses.send(ctx.response(), Problem.of(431, "Request Header Fields Too Large",
                    "The request headers together are larger than the " + maxHeaderBytes + " bytes the API accepts",
                    request.path()));
            return;
        }
        if (declaredLength(request) > maxBodyBytes) {
            OversizeRequests.discardRest(request, maxBodyBytes);
            ProblemResponses.send(ctx.response(), OversizeRequests.problem(request.path(), maxBodyBytes));
            return;
        }
        ctx.next();
    }

    private static long headerBytes(HttpServerRequest request) {
        long total = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            total += header.getKey().length() + header.getValue().length() + HEADER_OVERHEAD;
        }
        return total;
    }

    /** An unreadable Content-Length is left to Vert.x, which refuses it as a bad request. */
    private static long declaredLength(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
