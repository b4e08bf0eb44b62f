import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

import org.HdrHistogram.Recorder;
import org.HdrHistogram.Histogram;

/**
 * The benchmarks' load generator (run as a single-file source: java -cp HdrHistogram.jar LoadGen.java MODE key=value...).
 *
 * <p>{@code rate}: an open model. Request i is due at start + i/rate whether or not earlier ones have answered; each
 * runs on its own virtual thread, and its latency is measured from the time it was <em>due</em>, not from when it was
 * sent, so a stall of the server counts against every request it held up (no coordinated omission).
 * {@code max}: saturated throughput, {@code concurrency} clients each sending its next request as soon as the last
 * one answered (a closed loop: right for "how many per second at most", wrong for latency, which it does not report
 * as the figure).
 *
 * <p>Keys: url (may hold {seq}, {uuid} and {var} for each var.NAME=a,b,c, picked round robin), method (GET),
 * header=Name: value (repeatable), body (same placeholders), expect=200,304 (the statuses that count as success),
 * rate, concurrency, duration and warmup (seconds; warm-up requests are sent and not recorded), label.
 * Prints one line: RESULT label=... achieved=N/s ok=N bad=N p50=ms p90=ms p99=ms p999=ms max=ms.
 */
public class LoadGen {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();

    final Map<String, String> settings = new HashMap<>();
    final List<String> headers = new ArrayList<>();
    final Map<String, String[]> vars = new HashMap<>();
    final Recorder latencies = new Recorder(3_600_000_000L, 3);
    final AtomicLong ok = new AtomicLong();
    final AtomicLong bad = new AtomicLong();
    final Map<String, AtomicLong> badStatuses = new ConcurrentHashMap<>();
    Set<Integer> expected;

    public static void main(String[] args) throws Exception {
        LoadGen gen = new LoadGen();
        for (int i = 1; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            if (kv[0].equals("header")) {
                gen.headers.add(kv[1]);
            } else if (kv[0].startsWith("var.")) {
                gen.vars.put(kv[0].substring(4), kv[1].split(","));
            } else {
                gen.settings.put(kv[0], kv[1]);
            }
        }
        gen.expected = java.util.Arrays.stream(gen.get("expect", "200").split(",")).map(Integer::valueOf)
                .collect(Collectors.toSet());
        switch (args[0]) {
            case "rate" -> gen.fixedRate();
            case "max" -> gen.saturate();
            default -> throw new IllegalArgumentException("mode is rate or max, not " + args[0]);
        }
        System.exit(0);
    }

    String get(String key, String otherwise) {
        return settings.getOrDefault(key, otherwise);
    }

    void fixedRate() throws InterruptedException {
        double rate = Double.parseDouble(get("rate", "100"));
        long warmup = seconds("warmup", "5");
        long duration = seconds("duration", "20");
        long interval = (long) (1e9 / rate);
        long start = System.nanoTime();
        long recordFrom = start + warmup;
        long end = recordFrom + duration;
        var threads = Executors.newVirtualThreadPerTaskExecutor();
        long sent = 0;
        for (long i = 0; ; i++) {
            long due = start + i * interval;
            if (due >= end) {
                break;
            }
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            long seq = i;
            boolean counted = due >= recordFrom;
            if (counted) {
                sent++;
            }
            threads.execute(() -> call(seq, due, counted));
        }
        threads.shutdown();
        threads.awaitTermination(60, TimeUnit.SECONDS);
        report(String.format(Locale.ROOT, "mode=rate target=%.0f/s sent=%d", rate, sent), duration);
    }

    void saturate() throws InterruptedException {
        int concurrency = Integer.parseInt(get("concurrency", "8"));
        long warmup = seconds("warmup", "5");
        long duration = seconds("duration", "20");
        long start = System.nanoTime();
        long recordFrom = start + warmup;
        long end = recordFrom + duration;
        AtomicLong seq = new AtomicLong();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            clients.add(Thread.ofVirtual().start(() -> {
                long now;
                while ((now = System.nanoTime()) < end) {
                    call(seq.getAndIncrement(), now, now >= recordFrom);
                }
            }));
        }
        for (Thread client : clients) {
            client.join();
        }
        report("mode=max concurrency=" + concurrency, duration);
    }

    void call(long seq, long due, boolean counted) {
        String uuid = UUID.randomUUID().toString();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fill(get("url", ""), seq, uuid)))
                .timeout(Duration.ofSeconds(30));
        for (String header : headers) {
            String[] nv = header.split(":\\s*", 2);
            request.header(nv[0], fill(nv[1], seq, uuid));
        }
        String body = settings.get("body");
        request.method(get("method", "GET"), body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(fill(body, seq, uuid)));
        String outcome;
        try {
            int status = HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            outcome = expected.contains(status) ? null : String.valueOf(status);
        } catch (Exception e) {
            outcome = e.getClass().getSimpleName();
        }
        if (!counted) {
            return;
        }
        latencies.recordValue(Math.max(0, System.nanoTime() - due) / 1000);
        if (outcome == null) {
            ok.incrementAndGet();
        } else {
            bad.incrementAndGet();
            badStatuses.computeIfAbsent(outcome, k -> new AtomicLong()).incrementAndGet();
        }
    }

    String fill(String template, long seq, String uuid) {
        String out = template.replace("{seq}", Long.toString(seq)).replace("{uuid}", uuid);
        for (var v : vars.entrySet()) {
            out = out.replace("{" + v.getKey() + "}", v.getValue()[(int) (seq % v.getValue().length)]);
        }
        return out;
    }

    long seconds(String key, String otherwise) {
        return (long) (Double.parseDouble(get(key, otherwise)) * 1e9);
    }

    void report(String mode, long durationNanos) {
        Histogram h = latencies.getIntervalHistogram();
        double seconds = durationNanos / 1e9;
        System.out.printf(Locale.ROOT, "RESULT label=%s %s achieved=%.1f/s ok=%d bad=%d p50=%.2fms p90=%.2fms p99=%.2fms"
                + " p999=%.2fms max=%.2fms%s%n", get("label", "-"), mode, ok.get() / seconds, ok.get(), bad.get(),
                ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(90)), ms(h.getValueAtPercentile(99)),
                ms(h.getValueAtPercentile(99.9)), ms(h.getMaxValue()),
                badStatuses.isEmpty() ? "" : " failures=" + badStatuses);
    }

    static double ms(long micros) {
        return micros / 1000.0;
    }
}
