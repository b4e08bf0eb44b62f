package uk.org.neglectexchange.gateway.routing;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

import org.jboss.logging.Logger;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.Future;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import uk.org.neglectexchange.gateway.problem.Problem;

/**
 * Turns a service that cannot be reached or does not answer in time into a 503 or 504 problem, instead of the
 * proxy's bare 502. Registered first, so it sees the failure of everything after it.
 */
class UpstreamFailureInterceptor implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(UpstreamFailureInterceptor.class);

    private final String serviceName;

    UpstreamFailureInterceptor(String serviceName) {
        this.serviceName = serviceName;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        return context.sendRequest().recover(failure -> {
            Problem problem = problemFor(failure, context.request().proxiedRequest().path());
            LOG.warnf("%s service: %s on %s %s (%s)", serviceName, problem.title(), context.request().getMethod(),
                    problem.instance(), failure.toString());
            context.request().release();
            ProxyResponse response = context.request().response()
                    .release()
                    .setStatusCode(problem.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .setBody(Body.body(problem.toJson().toBuffer()));
            if (problem.status() == 503) {
                response.putHeader(HttpHeaders.RETRY_AFTER, "1");
            }
            return Future.succeededFuture(response);
        });
    }

    private Problem problemFor(Throwable failure, String path) {
        // ConnectTimeoutException is also a ConnectException: check timeouts first.
        if (failure instanceof TimeoutException || failure instanceof ConnectTimeoutException) {
            return Problem.of(504, "Gateway Timeout", "the " + serviceName + " service did not answer in time", path);
        }
        if (failure instanceof ConnectionPoolTooBusyException) {
            return Problem.of(503, "Service Unavailable", "the " + serviceName + " service is busy; try again shortly", path);
        }
        if (failure instanceof ConnectException || failure instanceof UnknownHostException) {
            return Problem.of(503, "Service Unavailable", "the " + serviceName + " service is not answering", path);
        }
        return Problem.of(502, "Bad Gateway", "the " + serviceName + " service failed to answer properly", path);
    }
}
