package uk.org.neglectexchange.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Several replicas share one relay lock: while one holds it no other can publish, and one that falls silent holding
 * it (frozen, or its host gone without closing the connection) loses it, so another takes over. A replica that dies
 * outright loses it with its connection (the suite's TwoInstancesIT kills one with kill -9).
 */
@QuarkusTest
class RelayLockTest {

    @Inject
    OutboxRelay relay;

    @Test
    void aReplicaThatFallsSilentHoldingTheRelayLockLosesItToTheOthers() {
        Duration silenceLimit = Duration.ofSeconds(1);
        RuntimeException cutOff = assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            // this service's own relay holds the lock for a moment at each poll
            assertTrue(within(Duration.ofSeconds(10), () -> relay.takeRelayLock(silenceLimit)), "relay lock never free");
            assertFalse(anotherReplicaGetsTheLock(), "another replica took the relay lock while it was held");
            pause(silenceLimit.multipliedBy(3));
        }), "the silent holder's transaction must not commit: PostgreSQL ended its session");
        assertTrue(within(Duration.ofSeconds(10), RelayLockTest::anotherReplicaGetsTheLock),
                "the relay lock was not given up by a holder silent for " + silenceLimit + " (" + cutOff + ")");
    }

    /** What another replica's relay does: try the lock (it ends with the statement's own transaction). */
    private static boolean anotherReplicaGetsTheLock() {
        var config = ConfigProvider.getConfig();
        try (Connection other = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
                PreparedStatement tryLock = other.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            tryLock.setLong(1, OutboxRelay.RELAY_LOCK);
            try (ResultSet result = tryLock.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean within(Duration limit, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            pause(Duration.ofMillis(50));
        }
        return true;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
