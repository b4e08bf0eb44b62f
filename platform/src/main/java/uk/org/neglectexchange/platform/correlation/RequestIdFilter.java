package uk.org.neglectexchange.platform.correlation;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.MDC;

import io.quarkus.vertx.http.runtime.filters.Filters;

/**
 * Gives every request an {@code X-Request-Id}: the caller's if it sent a sensible one (the gateway always does), a new
 * UUID otherwise. It is set on the incoming request, so the gateway's proxy passes it on to the service, put into the
 * log MDC for as long as the request runs, and echoed on the response, so an agency can quote it when reporting a
 * problem. Events the request appends to the outbox carry it too ({@link Correlation#requestId()}).
 */
@Singleton
public class RequestIdFilter {

    /** Before authentication (200), so a refused request is logged with its id too. */
    private static final int PRIORITY = 1000;

    void register(@Observes Filters filters) {
        filters.register(ctx -> {
            String id = Correlation.acceptableRequestId(ctx.request().getHeader(Correlation.REQUEST_ID_HEADER));
            ctx.request().headers().set(Correlation.REQUEST_ID_HEADER, id);
            // Quarkus keeps the MDC in the request's own Vert.x context, which follows it onto worker threads
            MDC.put(Correlation.REQUEST_ID, id);
            // set when the headers leave, so a service's own echo of the id (through the proxy) cannot make it appear twice
            ctx.addHeadersEndHandler(v -> ctx.response().headers().set(Correlation.REQUEST_ID_HEADER, id));
            ctx.addEndHandler(v -> MDC.remove(Correlation.REQUEST_ID));
            ctx.next();
        }, PRIORITY);
    }
}
