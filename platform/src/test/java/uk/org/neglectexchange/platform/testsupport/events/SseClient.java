package uk.org.neglectexchange.platform.testsupport.events;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** A server-sent events client over java.net.http, reading on a thread of its own into lists the test can inspect. */
public final class SseClient implements AutoCloseable {

    /** One dispatched SSE message. */
    public record Message(String id, String event, String data) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final HttpResponse<InputStream> response;
    private final List<Message> messages = new ArrayList<>();
    private final List<String> lines = new ArrayList<>();
    private volatile boolean ended;

    private SseClient(HttpResponse<InputStream> response) {
        this.response = response;
        Thread reader = new Thread(this::read, "sse-client");
        reader.setDaemon(true);
        reader.start();
    }

    public static SseClient open(URI uri, String authorization, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        headers.forEach(request::header);
        try {
            return new SseClient(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new IllegalStateException("could not open the event stream", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void read() {
        try (BufferedReader body = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String id = null;
            String event = null;
            StringBuilder data = null;
            String line;
            while ((line = body.readLine()) != null) {
                synchronized (this) {
                    lines.add(line);
                }
                if (line.isEmpty()) {
                    if (data != null) {
                        synchronized (this) {
                            messages.add(new Message(id, event, data.toString()));
                        }
                    }
                    id = null;
                    event = null;
                    data = null;
                } else if (line.startsWith("id: ")) {
                    id = line.substring(4);
                } else if (line.startsWith("event: ")) {
                    event = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data = data == null ? new StringBuilder(line.substring(6)) : data.append('\n').append(line.substring(6));
                }
            }
        } catch (IOException closed) {
            // closed by the test or by the gateway
        } finally {
            ended = true;
        }
    }

    public int status() {
        return response.statusCode();
    }

    public HttpResponse<InputStream> response() {
        return response;
    }

    public synchronized List<Message> messages() {
        return List.copyOf(messages);
    }

    public synchronized List<Message> messages(Predicate<Message> which) {
        return messages.stream().filter(which).toList();
    }

    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    public synchronized boolean received(String eventId) {
        return messages.stream().anyMatch(m -> eventId.equals(m.id()));
    }

    public boolean ended() {
        return ended;
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
