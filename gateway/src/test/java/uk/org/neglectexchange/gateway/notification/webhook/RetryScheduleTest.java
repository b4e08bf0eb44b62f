package uk.org.neglectexchange.gateway.notification.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;

/** The Standard Webhooks retry schedule, with jitter. */
class RetryScheduleTest {

    private static final List<Duration> STANDARD = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10));

    @Test
    void followsTheScheduleThenGivesUp() {
        RetrySchedule schedule = new RetrySchedule(STANDARD, 0.2, fixed(0.5)); // 0.5: no jitter either way
        for (int attempt = 1; attempt <= STANDARD.size(); attempt++) {
            assertEquals(Optional.of(STANDARD.get(attempt - 1)), schedule.delayAfterAttempt(attempt));
        }
        assertEquals(Optional.empty(), schedule.delayAfterAttempt(8));
        assertEquals(Optional.empty(), schedule.delayAfterAttempt(100));
        assertEquals(8, schedule.maxAttempts());
    }

    @Test
    void triesForMoreThanADay() {
        Duration total = new RetrySchedule(STANDARD, 0.2, fixed(0.5)).total();
        assertEquals(Duration.ofHours(27).plusMinutes(35).plusSeconds(5), total);
        assertTrue(total.compareTo(Duration.ofHours(24)) > 0);
    }

    @Test
    void jitterStaysWithinItsFraction() {
        assertEquals(Optional.of(Duration.ofHours(8)), new RetrySchedule(STANDARD, 0.2, fixed(0)).delayAfterAttempt(6));
        assertEquals(Optional.of(Duration.ofHours(12)), new RetrySchedule(STANDARD, 0.2, fixed(1)).delayAfterAttempt(6));
        RetrySchedule random = new RetrySchedule(STANDARD, 0.2, RandomGenerator.getDefault());
        for (int i = 0; i < 1000; i++) {
            long millis = random.delayAfterAttempt(2).orElseThrow().toMillis();
            assertTrue(millis >= 240_000 && millis <= 360_000, millis + " ms");
        }
    }

    @Test
    void refusesNonsense() {
        RetrySchedule schedule = new RetrySchedule(STANDARD, 0.2, fixed(0.5));
        assertThrows(IllegalArgumentException.class, () -> schedule.delayAfterAttempt(0));
        assertThrows(IllegalArgumentException.class, () -> new RetrySchedule(STANDARD, 1, fixed(0.5)));
        assertThrows(IllegalArgumentException.class,
                () -> new RetrySchedule(List.of(Duration.ofSeconds(-1)), 0.2, fixed(0.5)));
    }

    /** A generator whose nextDouble is always {@code value} (1 stands for the largest value below 1). */
    private static RandomGenerator fixed(double value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException();
            }

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }
}
