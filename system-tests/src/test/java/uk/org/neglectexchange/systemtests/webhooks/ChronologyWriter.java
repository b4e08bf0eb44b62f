package uk.org.neglectexchange.systemtests.webhooks;

import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.bearer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Chronology entries POSTed through the gateway by one agency client at a steady rate, each to the next of the
 * children in turn, whether or not earlier ones have been answered. Keeps the entry id of every 201, and counts the
 * rest (while the gateway is down, say); an entry whose answer was lost may still have been stored, so the tests take
 * what was notified from the feed, not from here.
 */
final class ChronologyWriter implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI gateway;
    private final String client;
    private final List<String> children;
    private final long periodMillis;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> refused = new ConcurrentHashMap<>();

    ChronologyWriter(URI gateway, String client, List<String> children, double perSecond) {
        this.gateway = gateway;
        this.client = client;
        this.children = List.copyOf(children);
        this.periodMillis = Math.round(1000 / perSecond);
    }

    ChronologyWriter start() {
        schedule.scheduleAtFixedRate(this::writeNext, 0, periodMillis, TimeUnit.MILLISECONDS);
        return this;
    }

    /** Starts no more writes; those under way finish on their own. */
    void stop() {
        schedule.shutdownNow();
        try {
            schedule.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes sent and not yet answered (or failed). */
    int inFlight() {
        return inFlight.get();
    }

    /** Entry ids of the writes answered 201. */
    Set<String> acknowledged() {
        return Set.copyOf(acknowledged);
    }

    /** Writes not answered 201, by status or exception. */
    Map<String, Integer> refused() {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        refused.forEach((reason, n) -> counts.put(reason, n.get()));
        return counts;
    }

    private void writeNext() {
        int n = next.getAndIncrement();
        String child = children.get(n % children.size());
        String authorization;
        try {
            authorization = bearer(client);
        } catch (RuntimeException keycloak) {
            refused.computeIfAbsent("no token", k -> new AtomicInteger()).incrementAndGet();
            return;
        }
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/api/v1/children/" + child + "/chronology"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .header("X-Practitioner-Id", "webhooks-it")
                .header("Idempotency-Key", "webhooks-" + UUID.randomUUID())
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"CONCERN\",\"occurredOn\":\""
                        + LocalDate.now().minusDays(1 + n % 60) + "\",\"summary\":\"Webhook test entry " + n + "\"}"))
                .build();
        inFlight.incrementAndGet();
        requests.execute(() -> {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 201) {
                    acknowledged.add(JSON.readTree(response.body()).path("id").asText());
                } else {
                    refused.computeIfAbsent(String.valueOf(response.statusCode()), k -> new AtomicInteger()).incrementAndGet();
                }
            } catch (Exception e) {
                refused.computeIfAbsent(e.getClass().getSimpleName(), k -> new AtomicInteger()).incrementAndGet();
            } finally {
                inFlight.decrementAndGet();
            }
        });
    }

    @Override
    public void close() {
        stop();
        requests.shutdown();
        try {
            requests.awaitTermination(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
