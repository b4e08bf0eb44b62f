package uk.org.neglectexchange.platform.correlation;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.MDC;

import io.quarkus.vertx.http.runtime.filters.Filters;

/**
 * Puts the request's {@code X-Request-Id} (set by the gateway; generated here for a caller that reaches the service
 * directly) into the log MDC for as long as the request runs, and echoes it on the response. Events the request
 * appends to the outbox carry it too ({@link Correlation#requestId()}).
 */
@Singleton
public class RequestIdFilter {

    /** Before authentication (200), so a refused request is logged with its id too. */
    private static final int PRIORITY = 1000;

    void register(@Observes Filters filters) {
        filters.register(ctx -> {
            String id = Correlation.acceptableRequestId(ctx.request().getHeader(Correlation.REQUEST_ID_HEADER));
            // Quarkus keeps the MDC in the request's own Vert.x context, which follows it onto worker threads
            MDC.put(Correlation.REQUEST_ID, id);
            ctx.addHeadersEndHandler(v -> ctx.response().headers().set(Correlation.REQUEST_ID_HEADER, id));
            ctx.addEndHandler(v -> MDC.remove(Correlation.REQUEST_ID));
            ctx.next();
        }, PRIORITY);
    }
}
