package uk.org.neglectexchange.gateway.limits;

import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import uk.org.neglectexchange.gateway.problem.Problem;

/**
 * Counts a body sent in chunks (no Content-Length, so {@link RequestSizeFilter} could not judge it) while it streams
 * to the service. Past the limit the request to the service is reset and the client gets a 413 problem instead of
 * whatever the half-sent request would have produced.
 */
public class BodySizeInterceptor implements ProxyInterceptor {

    private final long maxBytes;

    public BodySizeInterceptor(LimitsConfig config) {
        this.maxBytes = config.maxBodySize().asLongValue();
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        Body body = request.getBody();
        if (body == null || body.length() >= 0) {
            return context.sendRequest();
        }
        HttpServerRequest client = request.proxiedRequest();
        LimitedBody limited = new LimitedBody(body.stream(), maxBytes,
                () -> OversizeRequests.discardRest(client, maxBytes));
        request.setBody(Body.body(limited, -1));
        return context.sendRequest().transform(sent -> {
            if (!limited.exceeded()) {
                return sent.succeeded() ? Future.succeededFuture(sent.result()) : Future.failedFuture(sent.cause());
            }
            Problem problem = OversizeRequests.problem(client.path(), maxBytes);
            return Future.succeededFuture(request.response()
                    .setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .setBody(Body.body(problem.toJson().toBuffer())));
        });
    }
}
