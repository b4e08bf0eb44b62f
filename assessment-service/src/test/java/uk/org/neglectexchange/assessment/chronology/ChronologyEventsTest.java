package uk.org.neglectexchange.assessment.chronology;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.bearer;
import static uk.org.neglectexchange.platform.testsupport.events.TopicReader.header;

import java.io.InputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import uk.org.neglectexchange.assessment.support.TestChildren;
import uk.org.neglectexchange.platform.testsupport.events.TopicReader;

/** Chronology events on the real topic meet their contracts, carry what the drift rules need, and no free text. */
@QuarkusTest
class ChronologyEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void referralDecisionClosureAndCorrectionAreAnnouncedWithoutTheirText() throws Exception {
        String marker = "Marker" + System.nanoTime();
        LocalDate today = LocalDate.now();
        try (TopicReader reader = TopicReader.outbox()) {
            String childRef = TestChildren.register("hscp-health");
            String referral = add("hscp-education", childRef, ChronologyResourceTest.entry("REFERRAL", today.minusDays(3),
                    marker + " referral"), Map.of());
            String decision = add("hscp-childrens-services", childRef, ChronologyResourceTest.entry("REFERRAL_DECISION",
                    today.minusDays(1), marker + " decision"), Map.of("decision", "EARLY_HELP", "referralId", referral));
            String closure = add("hscp-childrens-services", childRef, ChronologyResourceTest.entry("CLOSURE", today,
                    marker + " closure"), Map.of("closureReason", "STEPPED_DOWN_TO_EARLY_HELP"));
            String concern = add("hscp-police", childRef, ChronologyResourceTest.entry("CONCERN", today, marker + " concern"), Map.of());
            String correction = add("hscp-police", childRef, ChronologyResourceTest.entry("CONCERN", today.minusDays(1),
                    marker + " concern, corrected"), Map.of("supersedes", concern));

            // registered + 5 entries added + referral.received + referral.decided + case.closed
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            reader.await(r -> childRef.equals(r.key()) && records.add(r) && records.size() == 9, Duration.ofSeconds(20));
            assertEquals(9, records.size(), () -> "events seen: " + records.stream().map(r -> header(r, "ce_type")).toList());

            for (ConsumerRecord<String, String> record : records) {
                assertEquals("HSCP", header(record, "ce_partnership"));
                assertEquals(childRef, header(record, "ce_subject"));
                assertValid(header(record, "ce_type"), record.value());
                assertFalse(record.value().contains(marker), "events carry no summary text");
            }
            List<JsonNode> added = data(records, "chronology.entry-added");
            assertEquals(List.of(referral, decision, closure, concern, correction), added.stream().map(d -> d.get("entryId").asText()).toList());
            assertEquals(List.of("EDUCATION", "CHILDRENS_SERVICES", "CHILDRENS_SERVICES", "POLICE", "POLICE"),
                    added.stream().map(d -> d.get("agency").asText()).toList());
            assertEquals(concern, added.get(4).get("supersedes").asText());
            assertFalse(added.get(3).has("supersedes"));
            assertEquals(today.minusDays(1).toString(), added.get(4).get("occurredOn").asText());

            JsonNode received = data(records, "referral.received").get(0);
            assertEquals(referral, received.get("referralId").asText());
            assertEquals(today.minusDays(3).toString(), received.get("receivedOn").asText());
            assertEquals("EDUCATION", received.get("agency").asText());

            JsonNode decided = data(records, "referral.decided").get(0);
            assertEquals(referral, decided.get("referralId").asText());
            assertEquals(decision, decided.get("decisionId").asText());
            assertEquals("EARLY_HELP", decided.get("decision").asText());
            assertEquals(today.minusDays(3).toString(), decided.get("receivedOn").asText());
            assertEquals(today.minusDays(1).toString(), decided.get("decidedOn").asText());

            JsonNode closed = data(records, "case.closed").get(0);
            assertEquals(closure, closed.get("closureId").asText());
            assertEquals("STEPPED_DOWN_TO_EARLY_HELP", closed.get("closureReason").asText());
            assertEquals(today.toString(), closed.get("closedOn").asText());
            assertEquals("CHILDRENS_SERVICES", closed.get("agency").asText());
        }
    }

    @Test
    void aPoliceAttendanceCarriesItsIncidentTypeAndEveryEntryTheChildsAgeBand() throws Exception {
        try (TopicReader reader = TopicReader.outbox()) {
            String nhs = TestChildren.testNhsNumber();
            String family = TestChildren.uniqueFamilyName();
            LocalDate dateOfBirth = LocalDate.now().minusYears(8);
            String schoolChild = given().header("Authorization", bearer("wsscp-education")).header("X-Practitioner-Id", "dsl-1")
                    .contentType(ContentType.JSON).body(TestChildren.child(nhs, "Kai", family, dateOfBirth))
                    .when().post("/api/v1/children").then().statusCode(201).extract().path("childRef");
            Map<String, Object> attendance = ChronologyResourceTest.entry("POLICE_ATTENDANCE", LocalDate.now(), "Domestic incident");
            String incident = add("wsscp-police", schoolChild, attendance, Map.of("incidentType", "DOMESTIC_ABUSE"));
            String welfare = add("wsscp-police", schoolChild,
                    ChronologyResourceTest.entry("POLICE_ATTENDANCE", LocalDate.now(), "Welfare check"), Map.of());
            String toddler = TestChildren.register("wsscp-health");
            String visit = add("wsscp-health", toddler, ChronologyResourceTest.entry("VISIT", LocalDate.now(), "Home visit"), Map.of());

            // one child's events keep their order; the two children's may arrive in either
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            reader.await(r -> (schoolChild.equals(r.key()) || toddler.equals(r.key()))
                    && "chronology.entry-added".equals(header(r, "ce_type")) && records.add(r) && records.size() == 3,
                    Duration.ofSeconds(20));
            assertEquals(3, records.size());
            List<JsonNode> school = new ArrayList<>();
            List<JsonNode> young = new ArrayList<>();
            for (ConsumerRecord<String, String> record : records) {
                (schoolChild.equals(record.key()) ? school : young).add(JSON.readTree(record.value()));
            }
            JsonNode withIncident = school.get(0);
            JsonNode withoutIncident = school.get(1);
            JsonNode toddlers = young.get(0);
            assertEquals(List.of(incident, welfare, visit), List.of(withIncident.get("entryId").asText(),
                    withoutIncident.get("entryId").asText(), toddlers.get("entryId").asText()));
            assertEquals("DOMESTIC_ABUSE", withIncident.get("incidentType").asText());
            assertEquals("POLICE", withIncident.get("agency").asText());
            assertEquals("5_11", withIncident.get("ageBand").asText());
            assertFalse(withoutIncident.has("incidentType"), "incidentType only when the police gave one");
            assertEquals("5_11", withoutIncident.get("ageBand").asText());
            assertEquals("0_4", toddlers.get("ageBand").asText());
            for (JsonNode data : List.of(withIncident, withoutIncident, toddlers)) {
                assertValid("chronology.entry-added", data.toString());
                String text = data.toString();
                assertFalse(text.contains(dateOfBirth.toString()) || text.contains(nhs) || text.contains(family)
                        || text.contains("Domestic incident"), "an age band, never the date of birth; no identity or summary");
            }
        }
    }

    @Test
    void aRefusedEntryAnnouncesNothing() throws Exception {
        try (TopicReader reader = TopicReader.outbox()) {
            String childRef = TestChildren.register("iowscp-police");
            given().header("Authorization", bearer("iowscp-police")).header("X-Practitioner-Id", "pc-1")
                    .contentType(ContentType.JSON).body(ChronologyResourceTest.entry("CONCERN", LocalDate.now().plusDays(2), "x"))
                    .when().post("/api/v1/children/{ref}/chronology", childRef).then().statusCode(422);
            reader.await(r -> childRef.equals(r.key()) && "child.registered".equals(header(r, "ce_type")), Duration.ofSeconds(15))
                    .orElseThrow();
            assertTrue(reader.await(r -> childRef.equals(r.key()), Duration.ofSeconds(3)).isEmpty());
        }
    }

    private static String add(String clientId, String childRef, Map<String, Object> entry, Map<String, String> extra) {
        entry.putAll(extra);
        return given().header("Authorization", bearer(clientId)).header("X-Practitioner-Id", "p-1")
                .contentType(ContentType.JSON).body(entry)
                .when().post("/api/v1/children/{ref}/chronology", childRef)
                .then().statusCode(201).extract().path("id");
    }

    private static List<JsonNode> data(List<ConsumerRecord<String, String>> records, String type) throws Exception {
        List<JsonNode> data = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            if (type.equals(header(record, "ce_type"))) {
                data.add(JSON.readTree(record.value()));
            }
        }
        return data;
    }

    private void assertValid(String type, String data) throws Exception {
        try (InputStream schema = getClass().getResourceAsStream("/events/" + type + ".json")) {
            assertTrue(schema != null, () -> "no schema for " + type);
            var errors = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schema)
                    .validate(JSON.readTree(data));
            assertTrue(errors.isEmpty(), () -> type + " breaks its schema: " + errors);
        }
    }
}
