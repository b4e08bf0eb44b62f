package uk.org.neglectexchange.gateway.stream;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jboss.logging.Logger;

import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

/**
 * One SSE connection. It first replays the journal after its starting point, page by page, then writes what the hub
 * hands it; an event can come both ways, so anything at or below the last seq written is dropped. Everything that
 * touches the socket runs on the connection's event loop, and only while Vert.x's write queue has room: a client
 * that does not read stops being written to, its queue fills up, and at {@code nx.stream.client-buffer} events it
 * is disconnected (its EventSource reconnects with Last-Event-ID and catches up from the journal).
 */
final class StreamClient {

    private static final Logger LOG = Logger.getLogger(StreamClient.class);
    static final int PAGE = 500;
    private static final Buffer HEARTBEAT = Buffer.buffer(": heartbeat\n\n");

    private final Context context;
    private final HttpServerResponse response;
    private final Journal journal;
    private final StreamHub hub;
    private final String clientId;
    private final StreamAudience audience;
    private final Optional<Set<String>> types;
    private final ArrayBlockingQueue<JournalEntry> live;
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private volatile boolean closed;

    // event loop only
    private final ArrayDeque<JournalEntry> replay = new ArrayDeque<>();
    private boolean replaying = true;
    private boolean fetching;
    private long lastSeq;
    private long heartbeatTimer = -1;

    StreamClient(Context context, HttpServerResponse response, Journal journal, StreamHub hub, String clientId,
            StreamAudience audience, Optional<Set<String>> types, int buffer) {
        this.context = context;
        this.response = response;
        this.journal = journal;
        this.hub = hub;
        this.clientId = clientId;
        this.audience = audience;
        this.types = types;
        this.live = new ArrayBlockingQueue<>(buffer);
    }

    /** On the event loop: subscribes, then opens the stream with {@code retry:}, so a client that sees it is live. */
    void start(String lastEventId, long heartbeatMillis) {
        response.closeHandler(v -> closed());
        response.exceptionHandler(e -> closed());
        response.drainHandler(v -> drain());
        heartbeatTimer = context.owner().setPeriodic(heartbeatMillis, id -> {
            if (!response.writeQueueFull()) {
                response.write(HEARTBEAT);
            }
        });
        long head = hub.subscribe(this);
        response.write("retry: 3000\n\n");
        UUID resumeAfter = uuid(lastEventId);
        if (lastEventId == null) {
            lastSeq = head;
            drain();
            return;
        }
        context.<OptionalLong>executeBlocking(() -> resumeAfter == null ? OptionalLong.empty()
                : journal.seqOf(resumeAfter, audience), false).onComplete(found -> {
                    if (found.failed()) {
                        fail(found.cause());
                    } else if (found.result().isPresent()) {
                        lastSeq = found.result().getAsLong();
                        drain();
                    } else {
                        response.write(": unknown Last-Event-ID, starting live\n\n");
                        lastSeq = head;
                        drain();
                    }
                });
    }

    /** Any thread (the journal tailer): never blocks, never writes. */
    void offer(JournalEntry entry) {
        if (closed || !audience.admits(entry)
                || types.isPresent() && !types.get().contains(entry.type())) {
            return;
        }
        if (!live.offer(entry)) {
            context.runOnContext(v -> overflowed());
            return;
        }
        if (drainScheduled.compareAndSet(false, true)) {
            context.runOnContext(v -> {
                drainScheduled.set(false);
                drain();
            });
        }
    }

    /** Writes while the socket takes it; the drain handler calls again when a full write queue has room. */
    private void drain() {
        while (!closed && !response.writeQueueFull()) {
            JournalEntry next = replay.poll();
            if (next == null && replaying) {
                fetchReplayPage();
                return;
            }
            if (next == null) {
                next = live.poll();
            }
            if (next == null) {
                return;
            }
            if (next.seq() > lastSeq) {
                response.write(next.frame());
                lastSeq = next.seq();
            }
        }
    }

    private void fetchReplayPage() {
        if (fetching || closed) {
            return;
        }
        fetching = true;
        long after = lastSeq;
        context.<List<JournalEntry>>executeBlocking(() -> journal.page(after, audience, types, PAGE), false)
                .onComplete(page -> {
                    fetching = false;
                    if (page.failed()) {
                        fail(page.cause());
                        return;
                    }
                    replay.addAll(page.result());
                    // a short page is the end of the journal: what commits later reaches the live queue
                    replaying = page.result().size() == PAGE;
                    drain();
                });
    }

    private void overflowed() {
        if (!closed) {
            LOG.infof("Event stream client %s (%s) disconnected: more than %d events waiting", clientId, audience,
                    live.remainingCapacity() + live.size());
            close();
        }
    }

    private void fail(Throwable failure) {
        if (!closed) {
            LOG.warnf("Event stream client %s (%s) disconnected: %s", clientId, audience, failure.getMessage());
            close();
        }
    }

    private void close() {
        closed();
        response.close();
    }

    private void closed() {
        if (!closed) {
            closed = true;
            hub.unsubscribe(this);
            context.owner().cancelTimer(heartbeatTimer);
            live.clear();
        }
    }

    private static UUID uuid(String value) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
