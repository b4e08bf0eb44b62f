package uk.org.neglectexchange.platform.correlation;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.MDC;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * Ties what this service does to the request that caused it: the gateway's {@code X-Request-Id} and the W3C trace
 * context. Both go into the log MDC ({@code %X{requestId}}, {@code %X{traceId}}) and into the events the service
 * emits, as the CloudEvents extensions {@code requestid} and {@code traceparent}.
 */
public final class Correlation {

    public static final String REQUEST_ID = "requestId";
    public static final String TRACE_ID = "traceId";
    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    /** As the gateway accepts it: anything else could smuggle line breaks or markup into logs. */
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private static final TextMapGetter<Map<String, String>> MAP_GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private Correlation() {
    }

    static String acceptableRequestId(String sent) {
        return sent != null && ACCEPTABLE.matcher(sent).matches() ? sent : UUID.randomUUID().toString();
    }

    /** The id of the request being served (or of the event being applied); null in a scheduled job. */
    public static String requestId() {
        Object id = MDC.get(REQUEST_ID);
        return id == null ? null : id.toString();
    }

    /** The current span as a W3C traceparent (the request's server span, a job's span), or null without one. */
    public static String traceparent() {
        if (!Span.current().getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return carrier.get("traceparent");
    }

    /** The context a stored traceparent names, for work done on its behalf later (publishing the event). */
    public static Context contextOf(String traceparent) {
        if (traceparent == null) {
            return Context.root();
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), Map.of("traceparent", traceparent),
                MAP_GETTER);
    }

    /**
     * While a consumed event is applied: its {@code requestid} and trace in the MDC, and its trace current, so the
     * logs correlate with the request that caused it and any event appended in consequence carries both on.
     */
    public static Applying applying(ConsumerRecord<?, ?> record) {
        return applying(header(record, "ce_requestid"), header(record, "ce_traceparent"));
    }

    /** As {@link #applying(ConsumerRecord)}, for work done later on behalf of a request id and trace kept until then. */
    public static Applying applying(String requestId, String traceparent) {
        Context trace = contextOf(traceparent);
        return new Applying(requestId != null && ACCEPTABLE.matcher(requestId).matches() ? requestId : null,
                Span.fromContext(trace).getSpanContext().isValid() ? trace : null);
    }

    /** Undoes what {@link #applying} set, on the same thread. */
    public static final class Applying implements AutoCloseable {

        private final Scope scope;

        private Applying(String requestId, Context trace) {
            putOrRemove(REQUEST_ID, requestId);
            if (trace != null) {
                putOrRemove(TRACE_ID, Span.fromContext(trace).getSpanContext().getTraceId());
                scope = trace.makeCurrent();
            } else {
                scope = null;
            }
        }

        @Override
        public void close() {
            if (scope != null) {
                scope.close();
                MDC.remove(TRACE_ID);
            }
            MDC.remove(REQUEST_ID);
        }

        private static void putOrRemove(String key, String value) {
            if (value == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, value);
            }
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
