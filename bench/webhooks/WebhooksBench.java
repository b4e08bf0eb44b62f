import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The webhook benchmark's client (bench/webhooks/run.sh; a single-file program, JDK only). Against a running gateway:
 * RECEIVERS webhook receivers (HTTP servers in this JVM on loopback, each verifying every request's Standard Webhooks
 * signature with its subscription's secret, independently of the gateway's code) subscribed to
 * {@code chronology.entry-added}, spread over the partnership's four agency clients (several subscriptions per
 * client); an SSE client (the partnership's dashboard) on {@code /api/v1/events/stream}; and a writer POSTing
 * chronology entries at RATE/s, first WARMUP s not recorded, then DURATION s measured.
 *
 * <p>Who is told: each agency registers CHILDREN children (so it is involved with them), and each child's entries are
 * written by the next agency in the list, so every entry notifies exactly the registering agency (the writer is
 * never told of its own entry), i.e. every one of that agency's subscriptions: with 20 receivers over 4 agencies,
 * 5 webhooks per write. Latencies are from the POST's start to the webhook's (or the SSE line's) arrival, both on
 * this JVM's clock. A webhook is matched by its CloudEvent's {@code data.entryId}; receivers deduplicate by
 * {@code webhook-id}, as Standard Webhooks asks. Prints a RESULT line that run.sh turns into the figure.
 */
public class WebhooksBench {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newCachedThreadPool()).build();
    static final Pattern ENTRY_ID = Pattern.compile("\"entryId\":\"([0-9a-f-]{36})\"");
    static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    static final List<String> AGENCIES = List.of("childrens-services", "health", "education", "police");
    /** Standard Webhooks' advice: refuse a timestamp further than this from the receiver's clock. */
    static final long TOLERANCE_SECONDS = 300;

    static String gateway = env("GATEWAY", "http://127.0.0.1:8080");
    static String keycloak = env("KEYCLOAK", "http://127.0.0.1:8180");
    static String partnership = env("PARTNERSHIP", "hscp");

    /** entryId → when its POST started (nanoTime), and the phase it belongs to (0 warm-up, 1 measured). */
    static final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    static final Map<String, Integer> phaseOf = new ConcurrentHashMap<>();
    /** entryId → the agency index whose subscriptions it should reach. */
    static final Map<String, Integer> recipientOf = new ConcurrentHashMap<>();
    /** webhook-id → its first arrival; repeats are counted as duplicates. */
    static final Map<String, Arrival> webhooks = new ConcurrentHashMap<>();
    static final AtomicLong duplicates = new AtomicLong();
    static final AtomicLong signatureFailures = new AtomicLong();
    static final AtomicLong staleTimestamps = new AtomicLong();
    /** receiver|CloudEvent id → webhook-ids: more than one would be a duplicate a receiver cannot see. */
    static final Map<String, Set<String>> webhookIdsPerNotification = new ConcurrentHashMap<>();
    /** entryId → its first arrival on the SSE stream. */
    static final Map<String, Long> sseArrivals = new ConcurrentHashMap<>();

    record Arrival(int receiver, String entryId, long at) {
    }

    public static void main(String[] args) throws Exception {
        int receiverCount = Integer.parseInt(env("RECEIVERS", "20"));
        int rate = Integer.parseInt(env("RATE", "50"));
        int seconds = Integer.parseInt(env("DURATION", "60"));
        int warmup = Integer.parseInt(env("WARMUP", "60"));
        int childrenPerAgency = Integer.parseInt(env("CHILDREN", "5"));
        int drainSeconds = Integer.parseInt(env("DRAIN", "120"));

        List<List<String>> children = new ArrayList<>();
        for (int agency = 0; agency < AGENCIES.size(); agency++) {
            List<String> own = new ArrayList<>();
            for (int i = 0; i < childrenPerAgency; i++) {
                own.add(registerChild(client(agency)));
            }
            children.add(own);
        }
        List<Receiver> receivers = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> receivers.forEach(Receiver::close)));
        for (int i = 0; i < receiverCount; i++) {
            Receiver receiver = new Receiver(i, i % AGENCIES.size());
            receivers.add(receiver);
            receiver.subscribe();
        }
        int[] subscriptionsPerAgency = new int[AGENCIES.size()];
        receivers.forEach(r -> subscriptionsPerAgency[r.agency]++);
        SseReader sse = SseReader.open(token(partnership + "-dashboard"));
        if (!sse.live.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the event stream did not open within 30 s");
        }
        System.out.printf("%d receivers on 127.0.0.1 subscribed to chronology.entry-added (per agency client: %s), an SSE"
                + " client (%s-dashboard) on %s/api/v1/events/stream; %d children per agency%n", receiverCount,
                perAgency(subscriptionsPerAgency), partnership, gateway, childrenPerAgency);

        Writer writer = new Writer(children);
        if (warmup > 0) {
            System.out.printf("warm-up: %d writes/s for %d s, not recorded%n", rate, warmup);
            writer.write(0, rate, warmup);
            long expected = expectedWebhooks(0, subscriptionsPerAgency);
            awaitArrivals(0, expected, drainSeconds);
        }
        System.out.printf("measured: %d writes/s for %d s%n", rate, seconds);
        long t0 = System.nanoTime();
        Writer.Outcome outcome = writer.write(1, rate, seconds);
        long expected = expectedWebhooks(1, subscriptionsPerAgency);
        long writes = phaseOf.values().stream().filter(p -> p == 1).count();
        awaitArrivals(1, expected, drainSeconds);
        long wall = System.nanoTime() - t0;

        long[] webhookLatencies = webhooks.values().stream().filter(a -> phaseOf.getOrDefault(a.entryId, -1) == 1)
                .mapToLong(a -> a.at - sentAt.get(a.entryId)).sorted().toArray();
        long[] sseLatencies = sseArrivals.entrySet().stream().filter(e -> phaseOf.getOrDefault(e.getKey(), -1) == 1)
                .mapToLong(e -> e.getValue() - sentAt.get(e.getKey())).sorted().toArray();
        long ambiguous = webhookIdsPerNotification.values().stream().mapToLong(ids -> ids.size() - 1).sum();
        double p99Webhook = pct(webhookLatencies, 99);
        double p99Sse = pct(sseLatencies, 99);
        System.out.println();
        System.out.printf("writes: %d acknowledged of %d (POST p50 %.1f ms, p99 %.1f ms), %.1f s to all delivered or given"
                + " up%n", writes, outcome.attempted, outcome.p50, outcome.p99, wall / 1e9);
        System.out.printf("%-26s %9s %9s %9s %9s %9s %9s%n", "", "expected", "received", "p50 ms", "p99 ms", "max ms",
                "missing");
        System.out.printf("%-26s %9d %9d %9.1f %9.1f %9.1f %9d%n", "write -> webhook received", expected,
                webhookLatencies.length, pct(webhookLatencies, 50), p99Webhook, max(webhookLatencies),
                expected - webhookLatencies.length);
        System.out.printf("%-26s %9d %9d %9.1f %9.1f %9.1f %9d%n", "write -> SSE event", writes, sseLatencies.length,
                pct(sseLatencies, 50), p99Sse, max(sseLatencies), writes - sseLatencies.length);
        System.out.printf("duplicates (same webhook-id again, after dedup): %d; one notification under two webhook-ids: %d;"
                + " signature failures: %d; timestamps off by more than %d s: %d%n", duplicates.get(), ambiguous,
                signatureFailures.get(), TOLERANCE_SECONDS, staleTimestamps.get());
        System.out.printf(Locale.ROOT, "RESULT label=webhooks rate=%d receivers=%d writes=%d expected=%d received=%d"
                + " duplicates=%d ambiguous=%d sigfail=%d stale=%d p50=%.1fms p99=%.1fms max=%.1fms sse_p50=%.1fms"
                + " sse_p99=%.1fms sse_received=%d ratio=%s%n", rate, receiverCount, writes, expected, webhookLatencies.length,
                duplicates.get(), ambiguous, signatureFailures.get(), staleTimestamps.get(), pct(webhookLatencies, 50),
                p99Webhook, max(webhookLatencies), pct(sseLatencies, 50), p99Sse, sseLatencies.length,
                p99Sse == 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", p99Webhook / p99Sse));
        sse.close();
        receivers.forEach(Receiver::close);
        System.exit(0);
    }

    static String perAgency(int[] counts) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            parts.add(client(i) + " " + counts[i]);
        }
        return String.join(", ", parts);
    }

    static long expectedWebhooks(int phase, int[] subscriptionsPerAgency) {
        return phaseOf.entrySet().stream().filter(e -> e.getValue() == phase)
                .mapToLong(e -> subscriptionsPerAgency[recipientOf.get(e.getKey())]).sum();
    }

    /** Until every webhook and SSE event of the phase has arrived, or {@code seconds} have passed. */
    static void awaitArrivals(int phase, long expectedWebhooks, int seconds) throws InterruptedException {
        long writes = phaseOf.values().stream().filter(p -> p == phase).count();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            long hooks = webhooks.values().stream().filter(a -> phaseOf.getOrDefault(a.entryId, -1) == phase).count();
            long events = sseArrivals.keySet().stream().filter(e -> phaseOf.getOrDefault(e, -1) == phase).count();
            if (hooks >= expectedWebhooks && events >= writes) {
                return;
            }
            Thread.sleep(100);
        }
        System.out.printf("  (not everything arrived within %d s of the last write)%n", seconds);
    }

    static String client(int agency) {
        return partnership + "-" + AGENCIES.get(agency);
    }

    // ---------------------------------------------------------------- receivers

    /** One webhook receiver: an HTTP server on a free loopback port, and its subscription through the gateway. */
    static final class Receiver {
        final int index;
        final int agency;
        final HttpServer server;
        volatile String secret;
        volatile String subscriptionId;
        boolean stopped;

        Receiver(int index, int agency) throws IOException {
            this.index = index;
            this.agency = agency;
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/", this::handle);
            server.start();
        }

        void subscribe() throws Exception {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/" + index;
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/subscriptions"))
                    .header("Authorization", "Bearer " + token(client(agency))).header("Content-Type", "application/json")
                    .header("X-Practitioner-Id", "bench-1").header("Idempotency-Key", "bench-" + UUID.randomUUID())
                    .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"" + url
                            + "\",\"types\":[\"chronology.entry-added\"]}")).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("subscribing " + client(agency) + " answered " + response.statusCode()
                        + ": " + response.body());
            }
            secret = field(response.body(), "secret");
            subscriptionId = field(response.body(), "id");
        }

        void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                long now = System.nanoTime();
                String id = exchange.getRequestHeaders().getFirst("webhook-id");
                String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
                String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
                if (!verify(secret, id, timestamp, body, signature)) {
                    signatureFailures.incrementAndGet();
                    exchange.sendResponseHeaders(401, -1);
                    return;
                }
                if (Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) > TOLERANCE_SECONDS) {
                    staleTimestamps.incrementAndGet();
                }
                String text = new String(body, StandardCharsets.UTF_8);
                Matcher entry = ENTRY_ID.matcher(text);
                Matcher event = ID.matcher(text);
                if (entry.find() && event.find()) {
                    Arrival first = webhooks.putIfAbsent(id, new Arrival(index, entry.group(1), now));
                    if (first != null) {
                        duplicates.incrementAndGet();
                    }
                    webhookIdsPerNotification.computeIfAbsent(index + "|" + event.group(1), k -> ConcurrentHashMap.newKeySet())
                            .add(id);
                }
                exchange.sendResponseHeaders(204, -1);
            }
        }

        synchronized void close() {
            String id = subscriptionId;
            subscriptionId = null;
            if (id != null) {
                // the gateway must not go on trying a receiver that is gone
                try {
                    HTTP.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/subscriptions/" + id))
                            .header("Authorization", "Bearer " + token(client(agency))).header("X-Practitioner-Id", "bench-1")
                            .DELETE().build(), HttpResponse.BodyHandlers.discarding());
                } catch (Exception e) {
                    System.out.println("  could not delete subscription " + id + ": " + e);
                }
            }
            if (!stopped) {
                stopped = true;
                server.stop(0);
            }
        }
    }

    /**
     * Standard Webhooks: {@code v1,} + base64(HMAC-SHA256(key, "{id}.{timestamp}.{body}")), the key being the
     * base64 after {@code whsec_}; the header may hold several signatures, space-separated.
     */
    static boolean verify(String secret, String id, String timestamp, byte[] body, String header) {
        if (secret == null || id == null || timestamp == null || header == null || !secret.startsWith("whsec_")) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(6)), "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = ("v1," + Base64.getEncoder().encodeToString(mac.doFinal(body))).getBytes(StandardCharsets.US_ASCII);
            boolean matched = false;
            for (String candidate : header.trim().split(" +")) {
                matched |= MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.US_ASCII));
            }
            return matched;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    // ---------------------------------------------------------------- writing

    /** Chronology entries at a fixed rate; child i's entries are written by the agency after the one that registered it. */
    static final class Writer {
        final List<List<String>> children;
        final AtomicInteger next = new AtomicInteger();
        final ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();

        record Outcome(int attempted, double p50, double p99) {
        }

        Writer(List<List<String>> children) {
            this.children = children;
        }

        Outcome write(int phase, int rate, int seconds) throws Exception {
            int count = rate * seconds;
            int perAgency = children.get(0).size();
            long period = TimeUnit.SECONDS.toNanos(1) / rate;
            long t0 = System.nanoTime();
            AtomicInteger failed = new AtomicInteger();
            Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
            long[] took = new long[count];
            CountDownLatch done = new CountDownLatch(count);
            for (int i = 0; i < count; i++) {
                long due = t0 + i * period;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                int n = next.getAndIncrement();
                int owner = n % AGENCIES.size();
                String child = children.get(owner).get((n / AGENCIES.size()) % perAgency);
                String writerClient = client((owner + 1) % AGENCIES.size());
                String token = token(writerClient);
                LocalDate occurredOn = LocalDate.now().minusDays(1 + n % 300);
                int slot = i;
                pool.execute(() -> {
                    long start = System.nanoTime();
                    try {
                        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                                URI.create(gateway + "/api/v1/children/" + child + "/chronology"))
                                .timeout(Duration.ofSeconds(30))
                                .header("Authorization", "Bearer " + token).header("X-Practitioner-Id", "bench-1")
                                .header("Idempotency-Key", "bench-" + UUID.randomUUID())
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"CONCERN\",\"occurredOn\":\""
                                        + occurredOn + "\",\"summary\":\"bench entry\"}")).build(),
                                HttpResponse.BodyHandlers.ofString());
                        took[slot] = System.nanoTime() - start;
                        if (response.statusCode() == 201) {
                            String entryId = field(response.body(), "id");
                            sentAt.put(entryId, start);
                            recipientOf.put(entryId, owner);
                            phaseOf.put(entryId, phase);
                        } else {
                            failed.incrementAndGet();
                            failures.computeIfAbsent(String.valueOf(response.statusCode()), k -> new AtomicLong()).incrementAndGet();
                        }
                    } catch (Exception e) {
                        took[slot] = System.nanoTime() - start;
                        failed.incrementAndGet();
                        failures.computeIfAbsent(e.getClass().getSimpleName(), k -> new AtomicLong()).incrementAndGet();
                    } finally {
                        done.countDown();
                    }
                });
            }
            done.await(120, TimeUnit.SECONDS);
            if (failed.get() > 0) {
                System.out.printf("  (%d of %d POSTs failed: %s)%n", failed.get(), count, failures);
            }
            long[] sorted = java.util.Arrays.stream(took).sorted().toArray();
            return new Outcome(count, pct(sorted, 50), pct(sorted, 99));
        }
    }

    // ---------------------------------------------------------------- the event stream

    /** The SSE client: notes when each chronology.entry-added line arrives. */
    static final class SseReader {
        final CountDownLatch live = new CountDownLatch(1);
        volatile InputStream body;

        static SseReader open(String token) throws Exception {
            SseReader reader = new SseReader();
            HttpResponse<InputStream> response = HTTP.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/events/stream"))
                    .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the event stream answered " + response.statusCode());
            }
            reader.body = response.body();
            Thread thread = new Thread(reader::read, "sse-reader");
            thread.setDaemon(true);
            thread.start();
            return reader;
        }

        void read() {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    long now = System.nanoTime();
                    if (line.startsWith("retry:")) {
                        live.countDown();
                    } else if (line.startsWith("data: ") && line.contains("\"chronology.entry-added\"")) {
                        Matcher entry = ENTRY_ID.matcher(line);
                        if (entry.find()) {
                            sseArrivals.putIfAbsent(entry.group(1), now);
                        }
                    }
                }
                System.out.println("  the SSE stream ended");
            } catch (IOException closed) {
                // closed at the end
            }
        }

        void close() {
            try {
                body.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    // ---------------------------------------------------------------- set-up

    static final Map<String, String[]> TOKENS = new ConcurrentHashMap<>();

    static String token(String client) throws Exception {
        String[] cached = TOKENS.get(client);
        if (cached != null && Instant.parse(cached[1]).isAfter(Instant.now())) {
            return cached[0];
        }
        String form = "grant_type=client_credentials&client_id=" + client + "&client_secret="
                + URLEncoder.encode(client + "-secret", StandardCharsets.UTF_8);
        String body = HTTP.send(HttpRequest.newBuilder(URI.create(keycloak + "/realms/neglect-exchange/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no token for " + client);
        }
        TOKENS.put(client, new String[] {m.group(1), Instant.now().plusSeconds(200).toString()});
        return m.group(1);
    }

    static String registerChild(String client) throws Exception {
        String body = "{\"nhsNumber\":\"" + testNhsNumber() + "\",\"givenName\":\"Bench\",\"familyName\":\"Webhooks\","
                + "\"dateOfBirth\":\"" + LocalDate.now().minusYears(9) + "\"}";
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/children"))
                .header("Authorization", "Bearer " + token(client)).header("X-Practitioner-Id", "bench-1")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException(client + " could not register a child: " + response.statusCode() + " "
                    + response.body());
        }
        return field(response.body(), "childRef");
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in the answer");
        }
        return m.group(1);
    }

    /** The 999 range is never issued to real people; the check digit makes it valid. */
    static String testNhsNumber() {
        while (true) {
            String first9 = "999" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (first9.charAt(i) - '0') * (10 - i);
            }
            int check = 11 - sum % 11;
            if (check == 11) {
                check = 0;
            }
            if (check != 10) {
                return first9 + check;
            }
        }
    }

    static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    static double max(long[] sorted) {
        return sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6;
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
