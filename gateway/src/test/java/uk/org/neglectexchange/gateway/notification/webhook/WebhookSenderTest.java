package uk.org.neglectexchange.gateway.notification.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import io.vertx.core.Vertx;

/**
 * One delivery attempt against receivers on 127.0.0.1 started here. The URL names {@code receiver.invalid}, which
 * cannot resolve: the request can only arrive because the sender connects to the checked address it is given.
 */
class WebhookSenderTest {

    private static final InetAddress LOOPBACK = loopback();
    private static final String SECRET = WebhookSignature.newSecret();
    private static final String BODY = "{\"specversion\":\"1.0\",\"type\":\"uk.org.neglectexchange.test\",\"data\":\"Zoë\"}";

    private static Vertx vertx;
    private static WebhookSender sender;

    private final ExecutorService receiverThreads = Executors.newCachedThreadPool();
    private final CountDownLatch released = new CountDownLatch(1);
    private HttpServer receiver;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
        sender = new WebhookSender(vertx, Duration.ofSeconds(10), 65536, 8);
    }

    @AfterAll
    static void stopVertx() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @AfterEach
    void stopReceiver() {
        released.countDown();
        if (receiver != null) {
            receiver.stop(0);
        }
        receiverThreads.shutdownNow();
    }

    @Test
    void deliversASignedPost() throws Exception {
        Map<String, String> seen = new ConcurrentHashMap<>();
        receiver = receiver(exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var headers = exchange.getRequestHeaders();
            seen.put("method", exchange.getRequestMethod());
            seen.put("uri", exchange.getRequestURI().toString());
            seen.put("body", body);
            for (String name : List.of("Host", "Content-Type", "User-Agent", "webhook-id", "webhook-timestamp")) {
                seen.put(name, headers.getFirst(name));
            }
            boolean valid = WebhookSignature.verify(SECRET, headers.getFirst("webhook-id"),
                    Long.parseLong(headers.getFirst("webhook-timestamp")), body, headers.getFirst("webhook-signature"));
            respond(exchange, valid ? 204 : 401, "");
        });
        long before = Instant.now().getEpochSecond();

        SendResult result = send(sender, target(receiver, "/hooks/nx?tenant=a%20b"), "msg_1");

        assertEquals(new SendResult(204, null), result); // 204 only if the receiver verified the signature
        assertTrue(result.delivered());
        assertEquals("POST", seen.get("method"));
        assertEquals("/hooks/nx?tenant=a%20b", seen.get("uri"));
        assertEquals(BODY, seen.get("body"));
        assertEquals("receiver.invalid:" + receiver.getAddress().getPort(), seen.get("Host"));
        assertEquals("application/json", seen.get("Content-Type"));
        assertEquals("NeglectExchange-Webhooks/1", seen.get("User-Agent"));
        assertEquals("msg_1", seen.get("webhook-id"));
        long timestamp = Long.parseLong(seen.get("webhook-timestamp"));
        assertTrue(timestamp >= before && timestamp <= Instant.now().getEpochSecond(), "unix seconds, now");
    }

    @Test
    void anErrorStatusIsAResult() throws Exception {
        receiver = receiver(exchange -> respond(exchange, 500, "{\"error\":\"down\"}"));
        SendResult result = send(sender, target(receiver, "/"), "msg_2");
        assertEquals(new SendResult(500, null), result);
        assertFalse(result.delivered());
    }

    @Test
    void aRedirectIsNotFollowed() throws Exception {
        AtomicInteger elsewhereHits = new AtomicInteger();
        HttpServer elsewhere = receiver(exchange -> {
            elsewhereHits.incrementAndGet();
            respond(exchange, 204, "");
        });
        try {
            String location = "http://127.0.0.1:" + elsewhere.getAddress().getPort() + "/stolen";
            receiver = receiver(exchange -> {
                exchange.getResponseHeaders().add("Location", location);
                respond(exchange, 302, "");
            });
            SendResult result = send(sender, target(receiver, "/"), "msg_3");
            assertEquals(new SendResult(302, null), result);
            assertFalse(result.delivered());
            Thread.sleep(200);
            assertEquals(0, elsewhereHits.get());
        } finally {
            elsewhere.stop(0);
        }
    }

    @Test
    void aSlowReceiverTimesOut() throws Exception {
        WebhookSender impatient = new WebhookSender(vertx, Duration.ofSeconds(1), 65536, 8);
        try {
            receiver = receiver(exchange -> {
                awaitRelease();
                respond(exchange, 204, "");
            });
            long start = System.nanoTime();
            SendResult result = send(impatient, target(receiver, "/"), "msg_4");
            assertEquals(new SendResult(0, "timed out"), result);
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 3000);
        } finally {
            impatient.close();
        }
    }

    @Test
    void aLargeResponseIsNotReadInFull() throws Exception {
        receiver = receiver(exchange -> respond(exchange, 200, "x".repeat(1 << 20)));
        assertEquals(new SendResult(200, null), send(sender, target(receiver, "/"), "msg_5"));
    }

    @Test
    void anEndlessResponseIsCutOff() throws Exception {
        AtomicLong written = new AtomicLong();
        CountDownLatch cutOff = new CountDownLatch(1);
        receiver = receiver(exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, 0); // chunked, no end
            byte[] chunk = new byte[16 * 1024];
            try (OutputStream out = exchange.getResponseBody()) {
                while (written.get() < (1L << 30)) {
                    out.write(chunk);
                    written.addAndGet(chunk.length);
                }
            } catch (IOException closedByTheSender) {
                cutOff.countDown();
            }
        });
        long start = System.nanoTime();
        assertEquals(new SendResult(200, null), send(sender, target(receiver, "/"), "msg_6"));
        assertTrue(cutOff.await(5, TimeUnit.SECONDS), "the sender closed the connection");
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 5000);
        assertTrue(written.get() < (1L << 30), written.get() + " bytes written");
    }

    @Test
    void aClosedPortIsRefused() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, LOOPBACK)) {
            port = socket.getLocalPort();
        }
        Target target = new Target(URI.create("http://receiver.invalid:" + port + "/"), "receiver.invalid", port, false,
                LOOPBACK);
        assertEquals(new SendResult(0, "connection refused"), send(sender, target, "msg_7"));
    }

    @Test
    void anUntrustedCertificateIsRefused(@TempDir Path dir) throws Exception {
        AtomicInteger hits = new AtomicInteger();
        HttpsServer tls = HttpsServer.create(new InetSocketAddress(LOOPBACK, 0), 0);
        tls.setHttpsConfigurator(new HttpsConfigurator(selfSigned(dir)));
        tls.createContext("/", exchange -> {
            hits.incrementAndGet();
            respond(exchange, 204, "");
        });
        tls.setExecutor(receiverThreads);
        tls.start();
        receiver = tls;
        int port = tls.getAddress().getPort();
        Target target = new Target(URI.create("https://receiver.invalid:" + port + "/"), "receiver.invalid", port, true,
                LOOPBACK);

        SendResult result = send(sender, target, "msg_8");

        assertEquals(0, result.status());
        assertEquals("TLS handshake failed", result.error());
        assertEquals(0, hits.get());
    }

    @Test
    void failuresAreNamedShortly() {
        assertEquals("timed out", WebhookSender.reason(new java.util.concurrent.TimeoutException("after 10000 ms")));
        assertEquals("connection refused", WebhookSender.reason(new java.net.ConnectException("10.0.0.1:443")));
        assertEquals("request failed", WebhookSender.reason(new IllegalStateException("with details")));
        assertNull(SendResult.status(200).error());
    }

    private SendResult send(WebhookSender with, Target target, String id) throws Exception {
        return with.send(target, id, SECRET, BODY).toCompletionStage().toCompletableFuture().get(15, TimeUnit.SECONDS);
    }

    private HttpServer receiver(HttpHandler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(LOOPBACK, 0), 0);
        server.createContext("/", handler);
        server.setExecutor(receiverThreads);
        server.start();
        return server;
    }

    private static Target target(HttpServer server, String pathAndQuery) {
        int port = server.getAddress().getPort();
        return new Target(URI.create("http://receiver.invalid:" + port + pathAndQuery), "receiver.invalid", port, false,
                LOOPBACK);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            in.readAllBytes();
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        } catch (IOException closedByTheSender) {
            // the sender stops reading what it does not need
        }
    }

    private void awaitRelease() {
        try {
            released.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A key pair and certificate no trust store knows, made by the JDK's keytool. */
    private static SSLContext selfSigned(Path dir) throws Exception {
        Path store = dir.resolve("receiver.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process process = new ProcessBuilder(keytool, "-genkeypair", "-alias", "receiver", "-keyalg", "EC",
                "-dname", "CN=receiver.invalid", "-ext", "SAN=dns:receiver.invalid", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, "changeit".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(managers.getKeyManagers(), null, null);
        return context;
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress(new byte[] { 127, 0, 0, 1 });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
