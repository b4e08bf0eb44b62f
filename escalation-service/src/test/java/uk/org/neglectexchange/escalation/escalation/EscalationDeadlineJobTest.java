package uk.org.neglectexchange.escalation.escalation;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.org.neglectexchange.escalation.escalation.EscalationRequests.act;
import static uk.org.neglectexchange.escalation.escalation.EscalationRequests.disagreement;
import static uk.org.neglectexchange.escalation.escalation.EscalationRequests.get;
import static uk.org.neglectexchange.escalation.escalation.EscalationRequests.newChildRef;
import static uk.org.neglectexchange.escalation.escalation.EscalationRequests.raise;
import static uk.org.neglectexchange.platform.testsupport.events.TopicReader.header;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import io.quarkus.test.junit.QuarkusTest;
import uk.org.neglectexchange.escalation.support.KnownProcedures;
import uk.org.neglectexchange.platform.testsupport.events.TopicReader;

/**
 * D8 with the date handed to the check, as the daily job hands it "today": a stage past its deadline escalates
 * itself once, an overdue stage 4 is reported once, and what reaches the real escalation-events topic meets its
 * contract in docs/events.
 */
@QuarkusTest
class EscalationDeadlineJobTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EscalationDeadlineJob job;

    @BeforeEach
    void proceduresKnown() throws Exception {
        KnownProcedures.ensure();
    }

    @Test
    void aWsscpStagePastItsDeadlineEscalatesItselfOnceAndTellsTheBusinessTeam() throws Exception {
        try (TopicReader reader = TopicReader.outbox()) {
            String childRef = newChildRef();
            var raised = raise("wsscp-childrens-services", disagreement(childRef, "HEALTH"))
                    .statusCode(201).body("procedureCode", equalTo("PAN_SUSSEX_7_2")).extract();
            String id = raised.path("id");
            LocalDate dayAfterDeadline = LocalDate.parse(raised.<String>path("deadline")).plusDays(1);

            assertTrue(job.check(dayAfterDeadline).contains(new EscalationDeadlineJob.Breach(
                    UUID.fromString(id), 1, 2)));
            assertTrue(job.check(dayAfterDeadline).stream().noneMatch(b -> b.escalationId().toString().equals(id)),
                    "a second check on the same day breaches nothing again");

            get("wsscp-health", id).statusCode(200)
                    .body("stage", equalTo(2))
                    .body("stages", hasSize(2))
                    .body("stages[0].deadlineBreachedOn", equalTo(dayAfterDeadline.toString()))
                    .body("stages[1].enteredBecause", equalTo("DEADLINE_PASSED"))
                    .body("stages[1].startedOn", equalTo(dayAfterDeadline.toString()));

            JsonNode raisedEvent = next(reader, id, EscalationEvents.RAISED, childRef, "WSSCP");
            assertEquals(1, raisedEvent.get("stage").asInt());
            assertFalse(raisedEvent.get("notifyBusinessTeam").asBoolean(), "WSSCP's business team hears from stage 2");
            assertFalse(raisedEvent.has("disagreement"));

            JsonNode breached = next(reader, id, EscalationEvents.DEADLINE_BREACHED, childRef, "WSSCP");
            assertEquals(1, breached.get("stage").asInt());
            assertEquals(2, breached.get("escalatedToStage").asInt());
            assertFalse(breached.get("reportedToPartnership").asBoolean());
            assertTrue(breached.get("notifyBusinessTeam").asBoolean());

            JsonNode changed = next(reader, id, EscalationEvents.STAGE_CHANGED, childRef, "WSSCP");
            assertEquals("DEADLINE_PASSED", changed.get("cause").asText());
            assertEquals(2, changed.get("toStage").asInt());
            assertTrue(changed.get("notifyBusinessTeam").asBoolean());

            assertTrue(reader.await(r -> ("escalation/" + id).equals(header(r, "ce_subject"))
                    && EscalationEvents.DEADLINE_BREACHED.equals(header(r, "ce_type")), Duration.ofSeconds(3)).isEmpty(),
                    "the stage breached once");
        }
    }

    @Test
    void anOverdueStageFourIsReportedToThePartnershipOnceAndTheResolutionReachesTheBusinessTeam() throws Exception {
        try (TopicReader reader = TopicReader.outbox()) {
            String childRef = newChildRef();
            Map<String, Object> urgent = new HashMap<>(disagreement(childRef, "POLICE"));
            urgent.put("startStage", 4);
            urgent.put("urgencyReason", "child at immediate risk");
            urgent.put("currentRisk", "IMMEDIATE");
            var raised = raise("wsscp-childrens-services", urgent).statusCode(201).extract();
            String id = raised.path("id");
            LocalDate dayAfterDeadline = LocalDate.parse(raised.<String>path("deadline")).plusDays(1);

            assertTrue(job.check(dayAfterDeadline).contains(new EscalationDeadlineJob.Breach(
                    UUID.fromString(id), 4, null)));
            assertTrue(job.check(dayAfterDeadline.plusDays(7)).stream().noneMatch(b -> b.escalationId().toString().equals(id)),
                    "stage 4 is reported once");
            get("wsscp-police", id).statusCode(200).body("stage", equalTo(4)).body("status", equalTo("OPEN"));

            act("wsscp-police", id, 4, Map.of("action", "resolve", "outcome", "strategy discussion held",
                    "resolvedBy", "partnership business manager")).statusCode(200).body("status", equalTo("RESOLVED"));

            JsonNode raisedEvent = next(reader, id, EscalationEvents.RAISED, childRef, "WSSCP");
            assertTrue(raisedEvent.get("stagesSkipped").asBoolean());
            assertEquals("IMMEDIATE", raisedEvent.get("currentRisk").asText());
            assertTrue(raisedEvent.get("notifyBusinessTeam").asBoolean());

            JsonNode reported = next(reader, id, EscalationEvents.DEADLINE_BREACHED, childRef, "WSSCP");
            assertEquals(4, reported.get("stage").asInt());
            assertTrue(reported.get("escalatedToStage").isNull());
            assertTrue(reported.get("reportedToPartnership").asBoolean());

            JsonNode resolved = next(reader, id, EscalationEvents.RESOLVED, childRef, "WSSCP");
            assertEquals("POLICE", resolved.get("resolvedByAgency").asText());
            assertTrue(resolved.get("notifyBusinessTeam").asBoolean());
            assertFalse(resolved.toString().contains("strategy discussion"), "no free text in events");
        }
    }

    @Test
    void aHipsResolutionDoesNotNotifyABusinessTeam() throws Exception {
        try (TopicReader reader = TopicReader.outbox()) {
            String childRef = newChildRef();
            String id = raise("iowscp-health", disagreement(childRef, "EDUCATION")).statusCode(201).extract().path("id");
            act("iowscp-education", id, 1, Map.of("action", "escalate", "reason", "no agreement")).statusCode(200);
            act("iowscp-education", id, 2, Map.of("action", "resolve", "outcome", "agreed", "resolvedBy", "DSL"))
                    .statusCode(200);
            next(reader, id, EscalationEvents.RAISED, childRef, "IOWSCP");
            JsonNode changed = next(reader, id, EscalationEvents.STAGE_CHANGED, childRef, "IOWSCP");
            assertEquals("ESCALATED", changed.get("cause").asText());
            assertFalse(changed.get("notifyBusinessTeam").asBoolean());
            JsonNode resolved = next(reader, id, EscalationEvents.RESOLVED, childRef, "IOWSCP");
            assertEquals(2, resolved.get("stage").asInt());
            assertFalse(resolved.get("notifyBusinessTeam").asBoolean());
        }
    }

    /** The escalation's next event of this type: a CloudEvent keyed by childRef, in its partnership, meeting its schema. */
    private JsonNode next(TopicReader reader, String id, String type, String childRef, String partnership) throws IOException {
        ConsumerRecord<String, String> record = reader
                .await(r -> ("escalation/" + id).equals(header(r, "ce_subject")) && type.equals(header(r, "ce_type")),
                        Duration.ofSeconds(15))
                .orElseThrow(() -> new AssertionError("no " + type + " for escalation " + id));
        assertEquals(childRef, record.key());
        assertEquals(partnership, header(record, "ce_partnership"));
        assertEquals("1.0", header(record, "ce_specversion"));
        assertEquals("/neglect-exchange/escalation-service", header(record, "ce_source"));
        JsonNode data = JSON.readTree(record.value());
        try (InputStream schema = getClass().getResourceAsStream("/events/" + type + ".json")) {
            var errors = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schema).validate(data);
            assertTrue(errors.isEmpty(), () -> type + " breaks its schema: " + errors);
        }
        assertEquals(id, data.get("escalationId").asText());
        return data;
    }
}
