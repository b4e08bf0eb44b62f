package uk.org.neglectexchange.systemtests.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An open-model load of chronology writes: write {@code i} is due at {@code start + i / rate}, whether or not earlier
 * ones have been answered, and goes to the targets in turn (the gateway, or several replicas of the assessment
 * service). Each write carries its own Idempotency-Key; like a real client, a write that gets no answer, a 429 or a
 * 5xx is sent again with the same key and body (after an exponential back-off with jitter, or Retry-After), to the
 * next target as a load balancer would, until it is answered or {@code giveUpAfter} has passed. The entries' types
 * go round {@code entryTypes}. Every attempt is recorded.
 */
final class WriteLoad {

    /** One HTTP attempt: when it was sent (ms since the run's clock started), how long it took, what came back. */
    record Attempt(int write, int attempt, long sentAtMs, long tookMs, int status, boolean problemJson) {
        long answeredAtMs() {
            return sentAtMs + tookMs;
        }
    }

    /** status -1: no answer (refused, reset, timed out). */
    static final int NO_ANSWER = -1;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final long MAX_BACK_OFF_MS = 10_000;
    static final int MAX_CONCURRENT = 64;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> targets;
    private final List<String> entryTypes;
    private final Tokens tokens;
    private final List<String> children;
    private final double rate;
    private final Duration giveUpAfter;
    private final String runId;
    private final RunClock clock;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).executor(Executors.newFixedThreadPool(8)).build();
    private final ScheduledExecutorService retries = Executors.newScheduledThreadPool(4);
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicInteger inFlight = new AtomicInteger();
    /**
     * A client system has a bounded connection pool: at most this many requests are out at once, and the rest wait
     * in the client (and show as schedule lag). Without the bound, a few thousand writes retrying at once were a
     * retry storm of about 1,000 requests a second that kept the gateway from ever catching up.
     */
    private final Semaphore connections = new Semaphore(MAX_CONCURRENT);
    private Thread scheduler;

    final ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
    /** Write index → the entry id of its first 2xx. */
    final Map<Integer, String> acknowledged = new ConcurrentHashMap<>();
    /** Write index → when it was first due (ms since the clock started). */
    final Map<Integer, Long> dueAtMs = new ConcurrentHashMap<>();
    /** Writes that got two different entry ids for the same key: the idempotency key did not hold. */
    final Map<Integer, String> conflictingIds = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<Integer> gaveUp = new ConcurrentLinkedQueue<>();
    /** How late each write was sent against its due time, in ms. */
    final ConcurrentLinkedQueue<Long> lagMs = new ConcurrentLinkedQueue<>();
    private volatile int scheduled;

    WriteLoad(List<String> targets, List<String> entryTypes, Tokens tokens, List<String> children, double rate,
            Duration giveUpAfter, String runId, RunClock clock) {
        this.targets = targets;
        this.entryTypes = entryTypes;
        this.tokens = tokens;
        this.children = children;
        this.rate = rate;
        this.giveUpAfter = giveUpAfter;
        this.runId = runId;
        this.clock = clock;
    }

    static String key(String runId, int write) {
        return "faults-" + runId + "-" + write;
    }

    int scheduled() {
        return scheduled;
    }

    void start() {
        running.set(true);
        long startNanos = System.nanoTime();
        scheduler = new Thread(() -> {
            for (int i = 0; running.get(); i++) {
                long due = startNanos + (long) (i * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    try {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                dueAtMs.put(i, clock.ms() - Math.max(0, (System.nanoTime() - due) / 1_000_000));
                scheduled = i + 1;
                send(i, 1, clock.ms(), due);
            }
        }, "write-load");
        scheduler.start();
    }

    /** Stops starting new writes, then waits for the retries of those started to end. */
    void stop(Duration within) throws InterruptedException {
        running.set(false);
        scheduler.join();
        long deadline = System.nanoTime() + within.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        retries.shutdownNow();
    }

    /** {@code dueNanos}: when a first attempt was due (its lag includes waiting for a connection); 0 for a retry. */
    private void send(int write, int attempt, long firstSentMs, long dueNanos) {
        if (attempt == 1) {
            // a write is in flight from its first attempt until it is answered or given up, waits between retries
            // included: stop() must not take a retry still to come for the end of the write
            inFlight.incrementAndGet();
        }
        try {
            connections.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            gaveUp.add(write);
            inFlight.decrementAndGet();
            return;
        }
        if (attempt == 1) {
            lagMs.add(Math.max(0, (System.nanoTime() - dueNanos) / 1_000_000));
        }
        String child = children.get(write % children.size());
        String body = "{\"type\":\"" + entryTypes.get(write % entryTypes.size()) + "\",\"occurredOn\":\""
                + LocalDate.now().minusDays(1 + write % 30) + "\",\"summary\":\"Fault run write " + write + "\"}";
        HttpRequest request;
        try {
            String target = targets.get((write + attempt - 1) % targets.size());
            request = HttpRequest.newBuilder(URI.create(target + "/api/v1/children/" + child + "/chronology"))
                    .timeout(REQUEST_TIMEOUT)
                    .header("Authorization", tokens.bearer())
                    .header("Content-Type", "application/json")
                    .header("X-Practitioner-Id", "faults-load")
                    .header("Idempotency-Key", key(runId, write))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        } catch (RuntimeException keycloakDown) {
            record(write, attempt, clock.ms(), 0, NO_ANSWER, false, firstSentMs, Optional.empty());
            return;
        }
        long sentMs = clock.ms();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
            long took = clock.ms() - sentMs;
            if (failure != null) {
                record(write, attempt, sentMs, took, NO_ANSWER, false, firstSentMs, Optional.empty());
                return;
            }
            boolean problem = response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
            if (response.statusCode() / 100 == 2) {
                String id = entryId(response.body());
                String earlier = acknowledged.putIfAbsent(write, id);
                if (earlier != null && !earlier.equals(id)) {
                    conflictingIds.put(write, earlier + " / " + id);
                }
            }
            Optional<Long> retryAfter = response.headers().firstValue("Retry-After").map(WriteLoad::seconds);
            record(write, attempt, sentMs, took, response.statusCode(), problem, firstSentMs, retryAfter);
        });
    }

    private void record(int write, int attempt, long sentMs, long took, int status, boolean problem, long firstSentMs,
            Optional<Long> retryAfterSeconds) {
        connections.release();
        attempts.add(new Attempt(write, attempt, sentMs, took, status, problem));
        boolean retryable = status == NO_ANSWER || status == 429 || status >= 500;
        boolean retrying = false;
        if (retryable && clock.ms() - firstSentMs < giveUpAfter.toMillis()) {
            // exponential back-off with full jitter (0.5 s doubling to 10 s), or the server's Retry-After
            long ceiling = Math.min(MAX_BACK_OFF_MS, 500L << Math.min(attempt - 1, 5));
            long backOff = retryAfterSeconds.map(s -> s * 1000 + ThreadLocalRandom.current().nextLong(500))
                    .orElse(ThreadLocalRandom.current().nextLong(100, ceiling + 1));
            try {
                retries.schedule(() -> send(write, attempt + 1, firstSentMs, 0), backOff, TimeUnit.MILLISECONDS);
                retrying = true;
            } catch (java.util.concurrent.RejectedExecutionException stopped) {
                gaveUp.add(write);
            }
        } else if (retryable) {
            gaveUp.add(write);
        }
        if (!retrying) {
            inFlight.decrementAndGet();
        }
    }

    private static long seconds(String header) {
        try {
            return Math.min(10, Long.parseLong(header.strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String entryId(String body) {
        try {
            return JSON.readTree(body).path("id").asText();
        } catch (java.io.IOException e) {
            return "unreadable";
        }
    }
}
