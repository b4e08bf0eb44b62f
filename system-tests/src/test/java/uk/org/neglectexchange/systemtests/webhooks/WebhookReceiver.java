package uk.org.neglectexchange.systemtests.webhooks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver as an agency system would run one: an HTTP server on a loopback port that checks each request's
 * Standard Webhooks signature ({@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature: v1,<base64
 * HMAC-SHA256 of "{id}.{timestamp}.{body}">} keyed with the base64 after {@code whsec_}), written here from the
 * specification rather than taken from the gateway, answers 401 to a bad one and 204 to a good one (after
 * {@code answerAfter}, to play a slow receiver), and keeps every valid request it read. It can be taken down (its
 * port then refuses connections) and brought back on the same port, which the subscription names.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One valid request as read, before the answer: its webhook-id and the CloudEvent it carried. */
    record Received(String webhookId, String eventId, String type, String subject, long timestampSeconds) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Duration answerAfter;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final AtomicInteger signatureFailures = new AtomicInteger();
    /** Requests read and not yet answered: a slow receiver's deliveries in flight. */
    private final AtomicInteger answering = new AtomicInteger();
    private volatile String secret;
    private HttpServer server;
    private boolean listening;
    private int port;

    WebhookReceiver(Duration answerAfter) throws IOException {
        this.answerAfter = answerAfter;
        up();
    }

    /** Listens again (on the same port after {@link #down()}). */
    synchronized void up() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
        listening = true;
        port = server.getAddress().getPort();
    }

    /** Stops listening: connections to the port are refused until {@link #up()}. */
    synchronized void down() {
        if (listening) {
            listening = false;
            server.stop(0);
        }
    }

    String url() {
        return "http://127.0.0.1:" + port + "/webhooks";
    }

    /** The subscription's secret, as its creation answered it. */
    void secret(String secret) {
        this.secret = secret;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    int signatureFailures() {
        return signatureFailures.get();
    }

    int answering() {
        return answering.get();
    }

    /** CloudEvent id → the webhook-ids it came under (a receiver deduplicates by webhook-id, so one is right). */
    Map<String, Set<String>> webhookIdsByEvent() {
        Map<String, Set<String>> ids = new LinkedHashMap<>();
        for (Received r : received) {
            ids.computeIfAbsent(r.eventId(), k -> new LinkedHashSet<>()).add(r.webhookId());
        }
        return ids;
    }

    /** Requests beyond the first of each webhook-id: what deduplication by webhook-id drops. */
    int duplicates() {
        return received.size() - (int) received.stream().map(Received::webhookId).distinct().count();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            if (!"POST".equals(exchange.getRequestMethod())
                    || !verify(secret, id, timestamp, body, exchange.getRequestHeaders().getFirst("webhook-signature"))) {
                signatureFailures.incrementAndGet();
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            JsonNode event = JSON.readTree(body);
            received.add(new Received(id, event.path("id").asText(), event.path("type").asText(),
                    event.path("subject").asText(), Long.parseLong(timestamp)));
            answering.incrementAndGet();
            try {
                Thread.sleep(answerAfter.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                answering.decrementAndGet();
            }
            exchange.sendResponseHeaders(204, -1);
        }
    }

    static boolean verify(String secret, String id, String timestamp, byte[] body, String header) {
        if (secret == null || id == null || timestamp == null || header == null || !secret.startsWith("whsec_")) {
            return false;
        }
        try {
            Long.parseLong(timestamp);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = ("v1," + Base64.getEncoder().encodeToString(mac.doFinal(body)))
                    .getBytes(StandardCharsets.US_ASCII);
            boolean matched = false;
            for (String candidate : header.trim().split(" +")) {
                matched |= MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.US_ASCII));
            }
            return matched;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public void close() {
        down();
    }

    /** For a failure message: how many requests of each webhook-id, where more than one. */
    String repeats() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        received.forEach(r -> counts.merge(r.webhookId(), 1, Integer::sum));
        List<String> repeated = new ArrayList<>();
        counts.forEach((id, n) -> {
            if (n > 1) {
                repeated.add(id + " x" + n);
            }
        });
        return repeated.toString();
    }
}
