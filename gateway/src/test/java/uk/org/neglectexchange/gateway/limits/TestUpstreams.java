package uk.org.neglectexchange.gateway.limits;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.json.JsonObject;

/**
 * Two stand-in services on loopback: the toolkit route goes to one that answers every request with what it received
 * (headers and body size), the escalation route to a socket that accepts connections and never answers.
 */
public class TestUpstreams implements QuarkusTestResourceLifecycleManager {

    private HttpServer echo;
    private ServerSocket silent;

    @Override
    public Map<String, String> start() {
        try {
            echo = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            echo.createContext("/", exchange -> {
                long bodyBytes;
                try (InputStream body = exchange.getRequestBody()) {
                    bodyBytes = body.transferTo(OutputStreamDiscarding.INSTANCE);
                } catch (IOException e) {
                    exchange.close();
                    return;
                }
                Map<String, Object> headers = new TreeMap<>();
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
                byte[] answer = new JsonObject().put("headers", headers).put("bodyBytes", bodyBytes).encode()
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            echo.start();
            // The kernel completes the handshake for the backlog: connected, and then silence.
            silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException("test upstreams did not start", e);
        }
        return Map.of(
                "nx.routes.services.toolkit.url", "http://127.0.0.1:" + echo.getAddress().getPort(),
                "nx.routes.services.escalation.url", "http://127.0.0.1:" + silent.getLocalPort(),
                "nx.routes.services.escalation.response-timeout", "1S");
    }

    @Override
    public void stop() {
        if (echo != null) {
            echo.stop(0);
        }
        try {
            if (silent != null) {
                silent.close();
            }
        } catch (IOException e) {
            // closing at the end of the run; nothing left to do
        }
    }

    private static final class OutputStreamDiscarding extends java.io.OutputStream {
        static final OutputStreamDiscarding INSTANCE = new OutputStreamDiscarding();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }
}
