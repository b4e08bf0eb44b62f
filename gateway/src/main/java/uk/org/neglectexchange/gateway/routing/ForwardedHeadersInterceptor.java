package uk.org.neglectexchange.gateway.routing;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/**
 * Tells the service how the client reached the gateway, so the Location headers and links it builds point at the
 * gateway, not at itself. The values are what the gateway saw; whatever the client sent in these headers (or in
 * {@code Forwarded}, which services prefer) is discarded, because the services trust them from the gateway.
 */
class ForwardedHeadersInterceptor implements ProxyInterceptor {

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        HttpServerRequest original = context.request().proxiedRequest();
        MultiMap headers = context.request().headers();
        HostAndPort authority = original.authority();
        boolean https = "https".equals(original.scheme());
        headers.remove("Forwarded");
        headers.set("X-Forwarded-Proto", https ? "https" : "http");
        if (authority != null) {
            // As the client wrote it, port included when it gave one, like the Host header it replaces.
            headers.set("X-Forwarded-Host", authority.toString());
            headers.set("X-Forwarded-Port", String.valueOf(authority.port() > 0 ? authority.port() : https ? 443 : 80));
        }
        if (original.remoteAddress() != null) {
            headers.set("X-Forwarded-For", original.remoteAddress().hostAddress());
        }
        return context.sendRequest();
    }
}
