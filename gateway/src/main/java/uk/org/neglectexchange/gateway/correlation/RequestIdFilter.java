package uk.org.neglectexchange.gateway.correlation;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.MDC;

import io.quarkus.vertx.http.runtime.filters.Filters;

/**
 * Gives every request an {@code X-Request-Id}: the caller's if it sent a sensible one, a new UUID otherwise. It is set
 * on the incoming request, so the proxy passes it to the service, and echoed on the response, so an agency can quote
 * it when reporting a problem. {@code traceparent} needs nothing here: the proxy passes it through untouched.
 */
@Singleton
public class RequestIdFilter {

    public static final String HEADER = "X-Request-Id";

    /** Shown by %X{requestId} in the log format, as in the services. */
    static final String MDC_KEY = "requestId";

    /** Runs before authentication (priority 200), so even a 401 carries the id. */
    private static final int PRIORITY = 1000;

    /** Anything else (too long, odd characters) could pollute logs downstream, so it is replaced. */
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    void register(@Observes Filters filters) {
        filters.register(ctx -> {
            String sent = ctx.request().getHeader(HEADER);
            String id = sent != null && ACCEPTABLE.matcher(sent).matches() ? sent : UUID.randomUUID().toString();
            ctx.request().headers().set(HEADER, id);
            // Request-scoped: Quarkus keeps the MDC in the request's own Vert.x context
            MDC.put(MDC_KEY, id);
            // Set when the headers leave, so a service's own echo of the id cannot make it appear twice.
            ctx.addHeadersEndHandler(v -> ctx.response().headers().set(HEADER, id));
            ctx.next();
        }, PRIORITY);
    }
}
