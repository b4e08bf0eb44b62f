package uk.org.neglectexchange.systemtests.faults;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Which replica holds a database's outbox relay lock, looked up every 100 ms while the run goes on: the holder's
 * connection names its instance ({@code ApplicationName} in its JDBC URL). Shows that the replicas relay in turn, one
 * at a time, and that a replica takes over when the holder is killed.
 */
final class RelayLockHolders implements AutoCloseable {

    /** The services' {@code OutboxRelay.RELAY_LOCK} ("nxoutbox"), a bigint advisory lock: pg_locks shows it in halves. */
    private static final long RELAY_LOCK = 0x6e78_6f75_7462_6f78L;
    static final String NOBODY = "(free)";

    record Sample(long atMs, String database, String holder) {
    }

    private final List<String> databases;
    private final RunClock clock;
    private final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
    private final Thread sampler;
    private volatile boolean running = true;

    RelayLockHolders(List<String> databases, RunClock clock) {
        this.databases = databases;
        this.clock = clock;
        this.sampler = new Thread(this::sample, "relay-lock-holders");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        List<Connection> connections = new ArrayList<>();
        try {
            for (String database : databases) {
                connections.add(SharedPostgres.connect(database));
            }
            while (running) {
                for (int i = 0; i < databases.size(); i++) {
                    samples.add(new Sample(clock.ms(), databases.get(i), holder(connections.get(i))));
                }
                Thread.sleep(100);
            }
        } catch (SQLException e) {
            System.err.println("relay lock sampling stopped: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            for (Connection connection : connections) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // closing after the run
                }
            }
        }
    }

    private static String holder(Connection db) throws SQLException {
        return holder(db, "true");
    }

    /** The replica whose connection holds the relay lock and is in the state {@code condition} names. */
    private static String holder(Connection db, String condition) throws SQLException {
        try (PreparedStatement q = db.prepareStatement("select a.application_name from pg_locks l join pg_stat_activity a"
                + " on a.pid = l.pid where l.locktype = 'advisory' and l.granted and l.objsubid = 1"
                + " and l.database = (select oid from pg_database where datname = current_database())"
                + " and l.classid::bigint = ? and l.objid::bigint = ? and " + condition)) {
            q.setLong(1, RELAY_LOCK >>> 32);
            q.setLong(2, RELAY_LOCK & 0xffff_ffffL);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getString(1) : NOBODY;
            }
        }
    }

    /**
     * Waits up to {@code within}, looking every 2 ms, for a moment when a replica holds the database's relay lock and
     * its transaction is idle: it has sent its batch and waits for the broker's acknowledgements before it marks the
     * rows (milliseconds to tens of them). Returns that replica, or {@link #NOBODY}.
     */
    static String awaitRelayWaitingForBroker(String database, Duration within) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        try (Connection db = SharedPostgres.connect(database)) {
            while (System.nanoTime() < deadline) {
                String holder = holder(db, "a.state = 'idle in transaction'");
                if (!NOBODY.equals(holder)) {
                    return holder;
                }
                Thread.sleep(2);
            }
        }
        return NOBODY;
    }

    /** Samples of {@code database} between the two times, by holder: "assessment-a 312, (free) 80". */
    Map<String, Long> tally(String database, long fromMs, long toMs) {
        Map<String, Long> tally = new TreeMap<>();
        samples.stream().filter(s -> s.database().equals(database) && s.atMs() >= fromMs && s.atMs() < toMs)
                .forEach(s -> tally.merge(s.holder(), 1L, Long::sum));
        return tally;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        sampler.join(5_000);
    }
}
