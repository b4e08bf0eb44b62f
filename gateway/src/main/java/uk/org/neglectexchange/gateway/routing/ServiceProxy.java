package uk.org.neglectexchange.gateway.routing;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyOptions;
import uk.org.neglectexchange.gateway.limits.BodySizeInterceptor;
import uk.org.neglectexchange.gateway.limits.LimitsConfig;

/** One backing service: its own connection pool and a reverse proxy that passes requests to it unchanged. */
final class ServiceProxy {

    static final int MAX_CONNECTIONS = 50;
    static final int MAX_WAITING = 100;

    private final HttpClient client;
    private final HttpProxy proxy;

    ServiceProxy(Vertx vertx, String name, RoutesConfig.Service service, LimitsConfig limits) {
        // A bounded queue for a connection: when the service falls behind, further requests get a quick 503 rather
        // than waiting out the timeout (by then their clients have given up and retried, and the service would spend
        // its connections on requests nobody waits for: the fault run showed the gateway never catching up)
        this.client = vertx.createHttpClient(new HttpClientOptions(),
                new PoolOptions().setHttp1MaxSize(MAX_CONNECTIONS).setMaxWaitQueueSize(MAX_WAITING));
        SocketAddress origin = SocketAddress.inetSocketAddress(port(service), service.url().getHost());
        RequestOptions timeouts = new RequestOptions()
                .setConnectTimeout(service.connectTimeout().toMillis())
                .setIdleTimeout(service.responseTimeout().toMillis());
        this.proxy = HttpProxy.reverseProxy(new ProxyOptions().setSupportWebSocket(false), client)
                // Every failure of the request to the service also fails its response, which UpstreamFailureInterceptor
                // answers; left without a handler, Vert.x would log each one (e.g. an upload cut off at the size limit)
                // as an unhandled error.
                .originRequestProvider((request, http) -> http.request(new RequestOptions(timeouts).setServer(origin))
                        .onSuccess(toService -> toService.exceptionHandler(failure -> { })))
                .addInterceptor(new UpstreamFailureInterceptor(name))
                .addInterceptor(new BodySizeInterceptor(limits))
                .addInterceptor(new ForwardedHeadersInterceptor());
    }

    HttpProxy proxy() {
        return proxy;
    }

    void close() {
        client.close();
    }

    /** Services are reached over plain HTTP inside the deployment; TLS ends at the edge. */
    private static int port(RoutesConfig.Service service) {
        int port = service.url().getPort();
        return port > 0 ? port : 80;
    }
}
