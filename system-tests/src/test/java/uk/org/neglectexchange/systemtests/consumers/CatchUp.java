package uk.org.neglectexchange.systemtests.consumers;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import uk.org.neglectexchange.systemtests.consumers.Consumers.Consumer;
import uk.org.neglectexchange.systemtests.consumers.Consumers.Service;

/**
 * Waits until every consumer has applied every record of the topics it reads: the producing services' outboxes
 * are empty and escalation-service has no child's drift left to evaluate (nothing more on its way), and each consumer's applied count (its inbox rows, or the journal's) equals
 * the records on its topics, twice in a row a second apart. Counting what was applied, rather than committed
 * offsets, also proves that no record was skipped or sent to a DLQ.
 */
final class CatchUp {

    private CatchUp() {
    }

    /** Applied count per consumer, in {@code databaseOf}'s databases, and what it should be. */
    record Lag(Map<String, Long> applied, Map<String, Long> expected, long unpublished, long dueEvaluations) {

        boolean caughtUp() {
            return unpublished == 0 && dueEvaluations == 0 && applied.equals(expected);
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder("unpublished outbox rows " + unpublished
                    + "; children due for drift evaluation " + dueEvaluations);
            applied.forEach((consumer, n) -> text.append("; ").append(consumer).append(' ').append(n).append('/')
                    .append(expected.get(consumer)));
            return text.toString();
        }
    }

    static Lag lag(Function<Service, String> databaseOf, List<String> producerDatabases) {
        Map<String, Long> records = SuiteTopics.recordCounts();
        Map<String, Long> applied = new LinkedHashMap<>();
        Map<String, Long> expected = new LinkedHashMap<>();
        for (Consumer consumer : Consumers.ALL) {
            applied.put(consumer.label(), Databases.count(databaseOf.apply(consumer.service()), consumer.countQuery()));
            expected.put(consumer.label(), consumer.topics().stream().mapToLong(records::get).sum());
        }
        long unpublished = producerDatabases.stream().mapToLong(Databases::unpublished).sum();
        // an evaluation still due may raise or clear an alert: an event not yet in any outbox
        long dueEvaluations = Databases.count(databaseOf.apply(Service.ESCALATION),
                "select count(distinct child_ref) from drift_evaluation_due");
        return new Lag(applied, expected, unpublished, dueEvaluations);
    }

    /** Returns the lag once caught up and steady; fails with the last one after {@code within}. */
    static Lag await(Function<Service, String> databaseOf, List<String> producerDatabases, Duration within) {
        Instant deadline = Instant.now().plus(within);
        Lag previous = null;
        while (true) {
            Lag now = lag(databaseOf, producerDatabases);
            if (now.caughtUp() && now.equals(previous)) {
                return now;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("consumers had not caught up within " + within.toSeconds() + " s: " + now);
            }
            previous = now;
            JarProcess.sleep(Duration.ofSeconds(1));
        }
    }
}
