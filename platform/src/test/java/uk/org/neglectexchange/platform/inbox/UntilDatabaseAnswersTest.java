package uk.org.neglectexchange.platform.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * The fault run killed PostgreSQL for a few seconds and each consumer's event in flight went to the DLQ after its
 * three retries: lost to that consumer. A database outage is now waited out; anything else fails as before.
 */
class UntilDatabaseAnswersTest {

    @Test
    void anEventIsAppliedOnceTheDatabaseAnswersAgain() {
        AtomicInteger attempts = new AtomicInteger();
        UntilDatabaseAnswers.apply(() -> {
            if (attempts.incrementAndGet() <= 5) {
                throw new IllegalStateException("applying failed", new SQLException("Connection refused", "08001"));
            }
        });
        assertEquals(6, attempts.get());
    }

    @Test
    void anyOtherFailureIsThrownAtOnceForTheRetriesAndTheDlq() {
        AtomicInteger attempts = new AtomicInteger();
        assertThrows(IllegalArgumentException.class, () -> UntilDatabaseAnswers.apply(() -> {
            attempts.incrementAndGet();
            throw new IllegalArgumentException("poison");
        }));
        assertEquals(1, attempts.get());
    }
}
