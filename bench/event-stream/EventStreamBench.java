import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
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
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The event stream benchmark's client (run by run.sh with Kafka's client jars on the class path):
 * {@code topics BOOTSTRAP PREFIX TOPICS_FILE} recreates the run's topics; {@code run} (settings from the
 * environment, see run.sh) opens SSE clients on a running gateway, writes chronology entries through it at fixed
 * rates and prints what arrived, how fast and how late. Latency: the POST's start to the line's arrival at a
 * client, both on this JVM's clock (nanoTime); so it includes this JVM's own scheduling of 50 reader threads.
 */
public class EventStreamBench {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newCachedThreadPool()).build();
    static final Pattern CHRONOLOGY = Pattern.compile("\"childRef\":\"(CH-[A-Z0-9]+)\".*\"occurredOn\":\"([0-9-]+)\"");
    static final Pattern ALERT = Pattern.compile("\"alertId\":\"([0-9a-f-]{36})\"");

    static String gateway = env("GATEWAY", "http://127.0.0.1:18080");
    static String keycloak = env("KEYCLOAK", "http://127.0.0.1:8180");

    /** When each event was sent, by its key (childRef|occurredOn, or alertId). */
    static final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    static final AtomicLong deliveries = new AtomicLong();

    public static void main(String[] args) throws Exception {
        if (args[0].equals("topics")) {
            recreateTopics(args[1], args[2], Path.of(args[3]));
        } else if (args[0].equals("roundtrip")) {
            kafkaRoundTrip(Integer.parseInt(env("RATES", "100")), Integer.parseInt(env("DURATION", "20")));
        } else {
            run();
        }
    }

    // ---------------------------------------------------------------- the run

    static void run() throws Exception {
        int clients = Integer.parseInt(env("CLIENTS", "50"));
        int seconds = Integer.parseInt(env("DURATION", "20"));
        List<Integer> rates = Arrays.stream(env("RATES", "25,50,100").split(",")).map(Integer::parseInt).toList();
        int slowRate = Integer.parseInt(env("SLOW_RATE", String.valueOf(rates.getLast())));
        int burst = Integer.parseInt(env("BURST", "10000"));

        List<String> children = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            children.add(registerChild());
        }
        List<Reader> readers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            readers.add(Reader.open(token("hscp-dashboard")));
        }
        for (Reader reader : readers) {
            reader.live.await(30, TimeUnit.SECONDS);
        }
        System.out.printf("%d SSE clients (hscp-dashboard) connected to %s/api/v1/events/stream%n", clients, gateway);
        System.out.println();
        System.out.println("POST chronology through the gateway at a fixed rate -> chronology.entry-added on every client");
        header();
        Writer writer = new Writer(children);
        for (int rate : rates) {
            phase("rate " + rate + "/s", readers, () -> writer.write(rate, seconds));
        }

        if (env("PHASES", "all").equals("rates")) {
            readers.forEach(Reader::close);
            System.exit(0);
        }
        System.out.println();
        System.out.printf("Burst: %d drift.detected produced straight to Kafka as fast as it takes them -> every client%n", burst);
        header();
        phase("burst " + burst, readers, () -> produceBurst(burst));

        System.out.println();
        System.out.println("Again, with one more client that never reads (a raw socket with a 4 kB receive buffer):");
        header();
        try (Socket slow = slowClient(token("hscp-dashboard"))) {
            phase("rate " + slowRate + "/s + slow", readers, () -> writer.write(slowRate, seconds));
            phase("burst " + burst + " + slow", readers, () -> produceBurst(burst));
            System.out.println("  the client that never read: " + fate(slow));
        }
        readers.forEach(Reader::close);
        System.exit(0);
    }

    interface Load {
        int send() throws Exception;
    }

    /** Runs one load, waits until every client has every event (or 60 s more), prints the figures. */
    static void phase(String name, List<Reader> readers, Load load) throws Exception {
        sentAt.clear();
        readers.forEach(r -> r.arrivals.clear());
        long before = deliveries.get();
        long start = System.nanoTime();
        int sent = load.send();
        long expected = (long) sent * readers.size();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (deliveries.get() - before < expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        long delivered = deliveries.get() - before;
        long lastArrival = readers.stream().flatMap(r -> r.arrivals.values().stream()).mapToLong(Long::longValue).max().orElse(start);
        double secs = (lastArrival - start) / 1e9;
        long[] latencies = readers.stream().flatMap(r -> r.arrivals.entrySet().stream())
                .filter(e -> sentAt.containsKey(e.getKey()))
                .mapToLong(e -> e.getValue() - sentAt.get(e.getKey())).sorted().toArray();
        System.out.printf("%-22s %6d %9d %10.0f %10.1f %8.1f %8.1f %8.1f %8d%n", name, sent, delivered,
                delivered / secs, delivered / secs / readers.size(), pct(latencies, 50), pct(latencies, 99),
                latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1e6, expected - delivered);
    }

    static void header() {
        System.out.printf("%-22s %6s %9s %10s %10s %8s %8s %8s %8s%n", "phase", "events", "delivered", "deliv/s",
                "/s/client", "p50 ms", "p99 ms", "max ms", "missing");
    }

    static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    // ---------------------------------------------------------------- writing

    /** Chronology entries at a fixed rate; each one's (childRef, occurredOn) is unique, so its event can be matched. */
    static final class Writer {
        final List<String> children;
        final AtomicInteger next = new AtomicInteger();
        final ExecutorService pool = Executors.newFixedThreadPool(32);

        Writer(List<String> children) {
            this.children = children;
        }

        int write(int rate, int seconds) throws Exception {
            String token = token("hscp-childrens-services");
            int count = rate * seconds;
            long period = TimeUnit.SECONDS.toNanos(1) / rate;
            long t0 = System.nanoTime();
            AtomicInteger failed = new AtomicInteger();
            CountDownLatch done = new CountDownLatch(count);
            for (int i = 0; i < count; i++) {
                long due = t0 + i * period;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                int n = next.getAndIncrement();
                String child = children.get(n % children.size());
                LocalDate occurredOn = LocalDate.now().minusDays(1 + n / children.size());
                pool.execute(() -> {
                    try {
                        sentAt.put(child + "|" + occurredOn, System.nanoTime());
                        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                                URI.create(gateway + "/api/v1/children/" + child + "/chronology"))
                                .header("Authorization", "Bearer " + token).header("X-Practitioner-Id", "bench-1")
                                .header("Idempotency-Key", "bench-" + UUID.randomUUID())
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"CONCERN\",\"occurredOn\":\""
                                        + occurredOn + "\",\"summary\":\"bench entry\"}")).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 201) {
                            failed.incrementAndGet();
                            sentAt.remove(child + "|" + occurredOn);
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    } finally {
                        done.countDown();
                    }
                });
            }
            done.await(120, TimeUnit.SECONDS);
            if (failed.get() > 0) {
                System.out.printf("  (%d of %d POSTs failed)%n", failed.get(), count);
            }
            return count - failed.get();
        }
    }

    static int produceBurst(int count) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, env("BOOTSTRAP", "127.0.0.1:9092"));
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        String topic = env("PREFIX", "bench.") + "escalation-events";
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                String alert = UUID.randomUUID().toString();
                String childRef = "CH-BENCH" + (i % 50);
                String data = "{\"alertId\":\"" + alert + "\",\"rule\":\"D4\",\"childRef\":\"" + childRef
                        + "\",\"partnership\":\"HSCP\",\"severity\":\"AMBER\",\"evidence\":[{\"kind\":\"CONCERN\",\"id\":\""
                        + UUID.randomUUID() + "\",\"eventId\":null,\"on\":\"" + LocalDate.now() + "\"}],"
                        + "\"practiceApproach\":\"CHALLENGE_DRIFT_AND_DELAY\",\"detectedOn\":\"" + LocalDate.now() + "\"}";
                ProducerRecord<String, String> record = new ProducerRecord<>(topic, childRef, data);
                for (String[] h : new String[][] {{"ce_specversion", "1.0"}, {"ce_id", UUID.randomUUID().toString()},
                        {"ce_type", "drift.detected"}, {"ce_source", "/neglect-exchange/escalation-service"},
                        {"ce_subject", childRef}, {"ce_time", Instant.now().toString()}, {"ce_partnership", "HSCP"}}) {
                    record.headers().add(h[0], h[1].getBytes(StandardCharsets.UTF_8));
                }
                sentAt.put(alert, System.nanoTime());
                producer.send(record);
            }
            producer.flush();
        }
        return count;
    }

    /**
     * The broker's own latency, as the baseline of the stream's: records sent at {@code rate}/s (acks=all, like the
     * outbox relays) to the run's escalation-events.dlq topic and read back by a consumer in this JVM; from each
     * record's due time to its arrival.
     */
    static void kafkaRoundTrip(int rate, int seconds) throws Exception {
        String topic = env("PREFIX", "bench.") + "escalation-events.dlq";
        Properties consumerProps = new Properties();
        consumerProps.put("bootstrap.servers", env("BOOTSTRAP", "127.0.0.1:9092"));
        consumerProps.put("group.id", "roundtrip-" + UUID.randomUUID());
        consumerProps.put("auto.offset.reset", "latest");
        var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, String>(consumerProps,
                new org.apache.kafka.common.serialization.StringDeserializer(),
                new org.apache.kafka.common.serialization.StringDeserializer());
        consumer.subscribe(List.of(topic));
        while (consumer.assignment().isEmpty()) {
            consumer.poll(Duration.ofMillis(100));
        }
        consumer.seekToEnd(consumer.assignment());
        consumer.assignment().forEach(consumer::position);
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, env("BOOTSTRAP", "127.0.0.1:9092"));
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        int count = rate * seconds;
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            while (latencies.size() < count) {
                for (var record : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    latencies.add(now - Long.parseLong(record.value()));
                }
            }
        });
        reader.setDaemon(true);
        reader.start();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            long period = TimeUnit.SECONDS.toNanos(1) / rate;
            long t0 = System.nanoTime();
            for (int i = 0; i < count; i++) {
                long due = t0 + i * period;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                producer.send(new ProducerRecord<>(topic, "CH-BENCH" + (i % 50), Long.toString(due)));
            }
        }
        reader.join(TimeUnit.SECONDS.toMillis(30));
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("ROUNDTRIP rate=%d/s sent=%d received=%d p50=%.1fms p99=%.1fms max=%.1fms%n", rate, count,
                sorted.length, pct(sorted, 50), pct(sorted, 99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
        System.exit(0);
    }

    // ---------------------------------------------------------------- reading

    /** One SSE client: a thread reading lines, noting when each bench event's data line arrived. */
    static final class Reader {
        final Map<String, Long> arrivals = new ConcurrentHashMap<>();
        final CountDownLatch live = new CountDownLatch(1);
        volatile InputStream body;

        static Reader open(String token) throws Exception {
            Reader reader = new Reader();
            HttpResponse<InputStream> response = HTTP.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/events/stream"))
                    .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("stream answered " + response.statusCode());
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
                    } else if (line.startsWith("data: ")) {
                        String key = key(line);
                        if (key != null && arrivals.putIfAbsent(key, now) == null) {
                            deliveries.incrementAndGet();
                        }
                    }
                }
                System.out.println("  a reading client's stream ended");
            } catch (IOException closed) {
                // closed at the end
            }
        }

        static String key(String data) {
            Matcher chronology = CHRONOLOGY.matcher(data);
            if (data.contains("\"chronology.entry-added\"") && chronology.find()) {
                return chronology.group(1) + "|" + chronology.group(2);
            }
            Matcher alert = ALERT.matcher(data);
            return alert.find() ? alert.group(1) : null;
        }

        void close() {
            try {
                body.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    static Socket slowClient(String token) throws IOException {
        URI uri = URI.create(gateway);
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()));
        OutputStream out = socket.getOutputStream();
        out.write(("GET /api/v1/events/stream HTTP/1.1\r\nHost: " + uri.getHost() + "\r\nAuthorization: Bearer " + token
                + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    /** Reads what reached the client; heartbeats keep an open stream talking, so it is open if no end within 20 s. */
    static String fate(Socket slow) throws IOException {
        slow.setSoTimeout(1000);
        InputStream in = slow.getInputStream();
        long total = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        byte[] buffer = new byte[65536];
        while (System.nanoTime() < deadline) {
            try {
                int n = in.read(buffer);
                if (n < 0) {
                    return "disconnected by the gateway; " + total / 1024 + " kB had reached it";
                }
                total += n;
            } catch (java.net.SocketTimeoutException quiet) {
                // nothing yet
            } catch (java.net.SocketException reset) {
                return "disconnected by the gateway (reset); " + total / 1024 + " kB had reached it";
            }
        }
        return "STILL CONNECTED after " + total / 1024 + " kB (its buffer never overflowed)";
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

    static String registerChild() throws Exception {
        String body = "{\"nhsNumber\":\"" + testNhsNumber() + "\",\"givenName\":\"Bench\",\"familyName\":\"Stream\","
                + "\"dateOfBirth\":\"" + LocalDate.now().minusYears(15) + "\"}";
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/children"))
                .header("Authorization", "Bearer " + token("hscp-childrens-services")).header("X-Practitioner-Id", "bench-1")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"childRef\":\"([^\"]+)\"").matcher(response.body());
        if (response.statusCode() != 201 || !m.find()) {
            throw new IllegalStateException("could not register a child: " + response.statusCode());
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

    static void recreateTopics(String bootstrap, String prefix, Path topicList) throws Exception {
        List<NewTopic> topics = new ArrayList<>();
        for (String line : Files.readAllLines(topicList)) {
            String[] parts = line.strip().split("\\s+");
            if (parts[0].isEmpty() || parts[0].startsWith("#")) {
                continue;
            }
            topics.add(new NewTopic(prefix + parts[0], Integer.parseInt(parts[1]), (short) 1));
            topics.add(new NewTopic(prefix + parts[0] + ".dlq", 1, (short) 1));
        }
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(props)) {
            Set<String> names = topics.stream().map(NewTopic::name).collect(Collectors.toSet());
            admin.deleteTopics(admin.listTopics().names().get().stream().filter(names::contains).toList()).all().get();
            while (admin.listTopics().names().get().stream().anyMatch(names::contains)) {
                Thread.sleep(200);
            }
            for (int attempt = 0; ; attempt++) {
                try {
                    Set<String> existing = admin.listTopics().names().get();
                    admin.createTopics(topics.stream().filter(t -> !existing.contains(t.name())).toList()).all().get();
                    break;
                } catch (java.util.concurrent.ExecutionException e) {
                    if (attempt > 50) {
                        throw e;
                    }
                    Thread.sleep(300); // a topic just deleted may still be marked for deletion
                }
            }
        }
        System.out.println("  topics " + prefix + "* recreated");
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
