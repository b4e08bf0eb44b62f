package uk.org.neglectexchange.systemtests.consumers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import io.restassured.response.Response;
import uk.org.neglectexchange.systemtests.SuiteProcesses;
import uk.org.neglectexchange.systemtests.SystemTest;
import uk.org.neglectexchange.systemtests.consumers.Consumers.Consumer;
import uk.org.neglectexchange.systemtests.consumers.Poison.Kind;
import uk.org.neglectexchange.systemtests.consumers.Poison.Sent;

/**
 * Issue 8: poison on every topic the suite consumes, for every consumer group at once (the services' own tests do it
 * one consumer at a time). To each topic go five records no consumer can apply ({@link Poison.Kind}), each followed
 * by a valid event in the same partition, made through the gateway by a real client. Every consumer group must put
 * every poison record on {@code <topic>.dlq} with the reason in its headers, apply nothing of it, and apply the
 * valid event after it. The table is also written to target/poison-report.txt (deploy/reliability/poison.sh).
 */
@SystemTest
class PoisonTest {

    private final java.net.URL gateway;

    PoisonTest(SuiteProcesses suite) {
        this.gateway = suite.url("/");
    }

    @Test
    void everyConsumerSendsEachPoisonRecordToTheDlqWithItsReasonAndGoesOn() throws IOException {
        long started = System.nanoTime();
        Workload api = new Workload(gateway.toString());
        api.awaitEditionsEverywhere();
        awaitProcedure(api);
        String childRef = ok(api.send("hscp-health", "POST", "/api/v1/children", Map.of("givenName", "Poison",
                "familyName", "Test", "dateOfBirth", LocalDate.now().minusYears(2).toString()), null), 201).path("childRef");

        List<Sent> sent = new ArrayList<>();
        try (KafkaProducer<String, String> producer = Poison.producer()) {
            for (Kind kind : Poison.kinds()) {
                sent.add(Poison.send(producer, "toolkit-events", "HIOW", kind));
                api.publishEdition("HIOW");
            }
            for (Kind kind : Poison.kinds()) {
                sent.add(Poison.send(producer, "assessment-events", childRef, kind));
                ok(api.send("hscp-health", "POST", "/api/v1/children/" + childRef + "/chronology", Map.of("type", "CONCERN",
                        "occurredOn", LocalDate.now().toString(), "summary", "Seen hungry"), null), 201);
            }
            for (Kind kind : Poison.kinds()) {
                sent.add(Poison.send(producer, "escalation-events", childRef, kind));
                ok(api.send("hscp-childrens-services", "POST", "/api/v1/escalations", Map.of("childRef", childRef,
                        "otherAgency", "HEALTH", "disagreement", "Closed without a visit", "currentRisk", "HIGH"), null), 201);
            }
        }

        Map<String, List<ConsumerRecord<String, String>>> dlq = awaitEveryConsumer(sent);
        List<String> failures = new ArrayList<>();
        StringBuilder report = new StringBuilder(String.format("%-18s %-26s %-40s %-6s %-22s %s%n", "topic", "poison",
                "consumer", "sent", "on DLQ with reason", "valid event after it applied"));
        for (Sent poison : sent) {
            List<ConsumerRecord<String, String>> deadLetters = dlq.get(poison.topic()).stream()
                    .filter(r -> poison.partition() == Integer.parseInt(header(r, "dead-letter-partition"))
                            && poison.offset() == Long.parseLong(header(r, "dead-letter-offset"))).toList();
            String validAfter = nextValidEventId(poison);
            for (Consumer consumer : consumersOf(poison.topic())) {
                List<ConsumerRecord<String, String>> mine = deadLetters.stream().filter(r -> refusedBy(r, consumer)).toList();
                boolean withReason = mine.size() == 1 && header(mine.get(0), "dead-letter-reason").contains(poison.kind().reason);
                boolean poisonApplied = poison.eventId() != null && applied(consumer, poison.eventId().toString());
                boolean goesOn = validAfter != null && applied(consumer, validAfter);
                report.append(String.format("%-18s %-26s %-40s %-6s %-22s %s%n", poison.topic(), poison.kind().label,
                        consumer.label(), "1", withReason ? "yes" : "NO (" + mine.size() + " records)", goesOn ? "yes" : "NO"));
                if (!withReason || poisonApplied || !goesOn) {
                    failures.add(poison + " / " + consumer.label() + ": on the DLQ with its reason " + withReason
                            + ", poison applied " + poisonApplied + ", valid event after it applied " + goesOn);
                }
            }
            if (deadLetters.size() != consumersOf(poison.topic()).size()) {
                failures.add(poison + ": " + deadLetters.size() + " DLQ records for " + consumersOf(poison.topic()).size()
                        + " consumer groups");
            }
        }
        report.append("Each consumer's applied count (inbox or journal rows) equals the valid records on its topics:"
                + " nothing of the poison was applied.\n");
        report.append("A DLQ record's headers, e.g.: ").append(headerNames(dlq.get("toolkit-events").get(0))).append('\n');
        report.append(String.format("%d poison records sent, %d DLQ records; sent, applied and checked in %.1f s (the"
                + " suite's start-up before it not included)%n", sent.size(), dlq.values().stream().mapToInt(List::size).sum(),
                (System.nanoTime() - started) / 1e9));
        report.append("Reasons on the DLQs:\n");
        dlq.values().stream().flatMap(List::stream).map(r -> header(r, "dead-letter-reason")).distinct().sorted()
                .forEach(reason -> report.append("  ").append(reason).append('\n'));
        System.out.print(report);
        Files.writeString(Path.of("target", "poison-report.txt"), report);
        assertEquals(List.of(), failures);
    }

    /** Waits until each consumer has applied every valid record of its topics, and every poison record is on a DLQ. */
    private static Map<String, List<ConsumerRecord<String, String>>> awaitEveryConsumer(List<Sent> sent) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            Map<String, Long> records = SuiteTopics.recordCounts();
            StringBuilder lag = new StringBuilder();
            for (Consumer consumer : Consumers.ALL) {
                long poison = sent.stream().filter(p -> consumer.topics().contains(p.topic())).count();
                long valid = consumer.topics().stream().mapToLong(records::get).sum() - poison;
                long applied = Databases.count(consumer.service().suiteDatabase(), consumer.countQuery());
                if (applied != valid) {
                    lag.append(consumer.label()).append(' ').append(applied).append('/').append(valid).append("; ");
                }
            }
            Map<String, List<ConsumerRecord<String, String>>> dlq = SuiteTopics.TOPICS.stream().collect(Collectors.toMap(
                    t -> t, t -> SuiteTopics.readAll(SuiteTopics.prefixed(t) + ".dlq")));
            for (String topic : SuiteTopics.TOPICS) {
                long expected = sent.stream().filter(p -> p.topic().equals(topic)).count() * consumersOf(topic).size();
                if (dlq.get(topic).size() < expected) {
                    lag.append(topic).append(".dlq ").append(dlq.get(topic).size()).append('/').append(expected).append("; ");
                }
            }
            if (lag.isEmpty()) {
                return dlq;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("after 60 s: " + lag);
            }
            JarProcess.sleep(Duration.ofMillis(500));
        }
    }

    /** The ce_id of the first record after the poison in its partition that is not poison itself. */
    private static String nextValidEventId(Sent poison) {
        Optional<String> next = SuiteTopics.readAll(SuiteTopics.prefixed(poison.topic())).stream()
                .filter(r -> r.partition() == poison.partition() && r.offset() > poison.offset())
                .filter(r -> !"/neglect-exchange/poison-test".equals(header(r, "ce_source")) && header(r, "ce_id") != null)
                .min(java.util.Comparator.comparingLong(ConsumerRecord::offset)).map(r -> header(r, "ce_id"));
        return next.orElse(null);
    }

    /**
     * Which consumer put a DLQ record there: its reason names it, "<service>: …" for the services (one consumer per
     * topic each), "event stream: …", or the inbox's name ("dashboard: …", "notifications: …") for the gateway's groups.
     */
    private static boolean refusedBy(ConsumerRecord<String, String> deadLetter, Consumer consumer) {
        String reason = header(deadLetter, "dead-letter-reason");
        if (consumer.service() != Consumers.Service.GATEWAY) {
            return reason.startsWith(consumer.service().module + ": ");
        }
        return reason.startsWith(consumer.inbox() == null ? "event stream: " : consumer.inbox() + ": ");
    }

    private static boolean applied(Consumer consumer, String eventId) {
        String sql = consumer.inbox() == null
                ? "select count(*) from stream_journal where event_id = '" + eventId + "'"
                : "select count(*) from processed_event where consumer = '" + consumer.inbox() + "' and event_id = '" + eventId + "'";
        return Databases.count(consumer.service().suiteDatabase(), sql) == 1;
    }

    private static List<Consumer> consumersOf(String topic) {
        return Consumers.ALL.stream().filter(c -> c.topics().contains(topic)).toList();
    }

    private static void awaitProcedure(Workload api) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (api.send("hscp-health", "GET", "/api/v1/escalation-procedures/HSCP", null, null).statusCode() != 200) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the HSCP escalation procedure did not reach the escalation service");
            }
            JarProcess.sleep(Duration.ofMillis(500));
        }
    }

    private static Response ok(Response response, int status) {
        assertEquals(status, response.statusCode(), response.asString());
        return response;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String headerNames(ConsumerRecord<String, String> record) {
        Set<String> names = new java.util.TreeSet<>();
        record.headers().forEach(h -> names.add(h.key()));
        return String.join(", ", names);
    }
}
