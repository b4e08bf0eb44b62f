package uk.org.neglectexchange.gateway.stream;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The clients connected to this replica. {@link #publish} only hands each entry to each client's bounded queue, so
 * it never waits on a socket: a slow client holds up nobody but itself.
 */
@ApplicationScoped
public class StreamHub {

    private final Set<StreamClient> clients = ConcurrentHashMap.newKeySet();

    /** The last seq published; a client that joins catches up from here, so nothing falls between the two. */
    private volatile long head;

    void start(long head) {
        this.head = head;
    }

    void publish(JournalEntry entry) {
        clients.forEach(client -> client.offer(entry));
        head = entry.seq();
    }

    /** Registers the client first, then reads the head: whatever is published later reaches its queue. */
    long subscribe(StreamClient client) {
        clients.add(client);
        return head;
    }

    void unsubscribe(StreamClient client) {
        clients.remove(client);
    }

    public int clientCount() {
        return clients.size();
    }
}
