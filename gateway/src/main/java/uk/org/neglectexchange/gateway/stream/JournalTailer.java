package uk.org.neglectexchange.gateway.stream;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

import io.quarkus.runtime.StartupEvent;

/**
 * Relays the journal to this replica's clients in seq order, whichever replica wrote the rows: it listens for the
 * journal's commit notifications on one connection of its own and reads the new rows; it also looks every
 * {@code nx.stream.poll-interval} in case a notification was lost (e.g. while reconnecting to the database).
 */
@ApplicationScoped
public class JournalTailer {

    private static final Logger LOG = Logger.getLogger(JournalTailer.class);
    private static final int BATCH = 1000;

    @Inject
    DataSource dataSource;

    @Inject
    Journal journal;

    @Inject
    StreamHub hub;

    @Inject
    StreamConfig config;

    private volatile boolean running;
    private long head = -1;

    void start(@Observes StartupEvent started) {
        running = true;
        Thread thread = new Thread(this::run, "stream-journal-tailer");
        thread.setDaemon(true);
        thread.start();
    }

    @PreDestroy
    void stop() {
        running = false;
    }

    private void run() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement listen = connection.createStatement()) {
                    listen.execute("listen " + Journal.CHANNEL);
                }
                if (head < 0) {
                    // a new replica relays what is journalled from now on; older events are there for replay
                    head = journal.head(connection);
                    hub.start(head);
                }
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (running) {
                    relayNewRows(connection);
                    notifications.getNotifications((int) config.pollInterval().toMillis());
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warnf("Event stream journal unreadable, retrying in 1 s: %s", e.getMessage());
                    pause();
                }
            }
        }
    }

    private void relayNewRows(Connection connection) throws SQLException {
        List<JournalEntry> batch;
        do {
            batch = journal.after(connection, head, BATCH);
            for (JournalEntry entry : batch) {
                hub.publish(entry);
                head = entry.seq();
            }
        } while (batch.size() == BATCH);
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
