package uk.org.neglectexchange.gateway.notification;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import uk.org.neglectexchange.gateway.notification.webhook.WebhookSignature;

/**
 * A webhook receiver on loopback that checks every request's Standard Webhooks signature itself, answers with the
 * statuses it is told to (then 204), and keeps what it verified.
 */
final class Receiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Deque<Integer> answers = new ConcurrentLinkedDeque<>();
    private final List<JsonNode> verified = new ArrayList<>();
    private final List<String> webhookIds = new ArrayList<>();
    private volatile String secret;
    private volatile int unverified;

    Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/hook", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    void secret(String secret) {
        this.secret = secret;
    }

    /** The next requests are answered with these statuses, in order; after them, 204. */
    void answer(Integer... statuses) {
        answers.addAll(List.of(statuses));
    }

    synchronized List<JsonNode> verified() {
        return List.copyOf(verified);
    }

    synchronized List<String> webhookIds() {
        return List.copyOf(webhookIds);
    }

    int unverified() {
        return unverified;
    }

    synchronized List<JsonNode> verified(String type) {
        return verified.stream().filter(event -> event.path("type").asText().equals(type)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String id = exchange.getRequestHeaders().getFirst("webhook-id");
        String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
        String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
        boolean valid = secret != null && id != null && timestamp != null && signature != null
                && WebhookSignature.verify(secret, id, Long.parseLong(timestamp), body, signature);
        Integer status = answers.poll();
        if (!valid) {
            unverified++;
            status = 401;
        } else if (status == null || status / 100 == 2) {
            synchronized (this) {
                webhookIds.add(id);
                verified.add(JSON.readTree(body));
            }
            status = status == null ? 204 : status;
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
