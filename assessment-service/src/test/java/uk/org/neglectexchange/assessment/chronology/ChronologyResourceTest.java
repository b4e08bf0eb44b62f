package uk.org.neglectexchange.assessment.chronology;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.bearer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import uk.org.neglectexchange.assessment.support.TestChildren;
import uk.org.neglectexchange.assessment.audit.AuditRows;

@QuarkusTest
class ChronologyResourceTest {

    private static final LocalDate TODAY = LocalDate.now();

    @Inject
    DataSource db;

    private static RequestSpecification as(String clientId) {
        // an agency other than the lead agency states its lawful basis when it reads (RULES.md, golden rule 7)
        return given().header("Authorization", bearer(clientId)).header("X-Practitioner-Id", "prac-" + clientId)
                .header("X-Purpose", "SAFEGUARDING").header("X-Lawful-Basis", "PUBLIC_TASK_SAFEGUARDING_CHILDREN")
                .header("X-Consent", "NOT_SOUGHT").header("X-Para18-Reason", "WOULD_PREJUDICE_PROTECTION")
                .contentType(ContentType.JSON);
    }

    static Map<String, Object> entry(String type, LocalDate occurredOn, String summary) {
        Map<String, Object> entry = new HashMap<>();
        entry.put("type", type);
        entry.put("occurredOn", occurredOn.toString());
        entry.put("summary", summary);
        return entry;
    }

    private static String add(String clientId, String childRef, Map<String, Object> entry) {
        return as(clientId).body(entry).when().post("/api/v1/children/{ref}/chronology", childRef)
                .then().statusCode(201).extract().path("id");
    }

    private static JsonPath read(String clientId, String childRef, Map<String, ?> query) {
        return as(clientId).queryParams(query).when().get("/api/v1/children/{ref}/chronology", childRef)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void anEntryIsAddedAsTheCallersAgencyAndPractitioner() {
        String childRef = TestChildren.register("hscp-health");
        Map<String, Object> body = entry("SCHOOL_ABSENCE", TODAY.minusDays(2), "Absent three days, no contact from home");
        body.put("agency", "POLICE");
        // the agency comes from the token: a body that tries to set it is refused as an unknown field
        as("hscp-education").body(body).when().post("/api/v1/children/{ref}/chronology", childRef)
                .then().statusCode(400).body("errors[0].field", equalTo("agency"));
        body.remove("agency");
        String id = as("hscp-education").body(body).when().post("/api/v1/children/{ref}/chronology", childRef)
                .then().statusCode(201).contentType(ContentType.JSON)
                .header("Location", containsString("/api/v1/children/" + childRef + "/chronology/"))
                .body("agency", equalTo("EDUCATION"))
                .body("practitionerId", equalTo("prac-hscp-education"))
                .body("type", equalTo("SCHOOL_ABSENCE"))
                .body("occurredOn", equalTo(TODAY.minusDays(2).toString()))
                .body("summary", equalTo("Absent three days, no contact from home"))
                .body("recordedAt", notNullValue())
                .extract().path("id");
        as("hscp-health").when().get("/api/v1/children/{ref}/chronology/{id}", childRef, id)
                .then().statusCode(200).body("id", equalTo(id)).body("agency", equalTo("EDUCATION"));
    }

    @Test
    void entriesReadInTheOrderTheyHappenedNotTheOrderTheyWereRecorded() {
        String childRef = TestChildren.register("hscp-health");
        String late = add("hscp-health", childRef, entry("VISIT", TODAY.minusDays(1), "Home visit"));
        String early = add("hscp-police", childRef, entry("POLICE_ATTENDANCE", TODAY.minusDays(30), "Attended at night"));
        String middleFirst = add("hscp-education", childRef, entry("CONCERN", TODAY.minusDays(10), "Hungry at school"));
        String middleSecond = add("hscp-health", childRef, entry("MISSED_APPOINTMENT", TODAY.minusDays(10), "Missed clinic"));
        JsonPath chronology = read("hscp-childrens-services", childRef, Map.of());
        assertEquals(List.of(early, middleFirst, middleSecond, late), chronology.getList("entries.id"));
        assertEquals(List.of("POLICE", "EDUCATION", "HEALTH", "HEALTH"), chronology.getList("entries.agency"));
        assertNull(chronology.get("nextCursor"));
    }

    @Test
    void aCorrectionSupersedesAnEntryAndBothRemain() {
        String childRef = TestChildren.register("iowscp-health");
        String original = add("iowscp-health", childRef, entry("VISIT", TODAY.minusDays(3), "Visit, wrong date"));
        Map<String, Object> correction = entry("VISIT", TODAY.minusDays(4), "Visit, right date");
        correction.put("supersedes", original);
        String corrected = as("iowscp-health").body(correction).when().post("/api/v1/children/{ref}/chronology", childRef)
                .then().statusCode(201).body("supersedes", equalTo(original)).extract().path("id");

        JsonPath all = read("iowscp-health", childRef, Map.of());
        assertEquals(List.of(corrected, original), all.getList("entries.id"));
        assertEquals(corrected, all.getString("entries.find { it.id == '" + original + "' }.supersededBy"));
        assertNull(all.get("entries.find { it.id == '" + corrected + "' }.supersededBy"));
        assertEquals(List.of(corrected), read("iowscp-health", childRef, Map.of("includeSuperseded", "false")).getList("entries.id"));
        as("iowscp-health").when().get("/api/v1/children/{ref}/chronology/{id}", childRef, original)
                .then().statusCode(200).body("supersededBy", equalTo(corrected));

        // an entry is corrected once: the next correction supersedes the correction
        as("iowscp-health").body(correction).when().post("/api/v1/children/{ref}/chronology", childRef)
                .then().statusCode(422).body("errors.field", hasItem("supersedes"));
        // each agency answers for its own entries
        Map<String, Object> othersCorrection = entry("VISIT", TODAY.minusDays(4), "Not yours to correct");
        othersCorrection.put("supersedes", corrected);
        as("iowscp-police").body(othersCorrection).when().post("/api/v1/children/{ref}/chronology", childRef)
                .then().statusCode(422).body("errors.field", hasItem("supersedes"));
        assertEquals(2, read("iowscp-health", childRef, Map.of()).getList("entries").size());
    }

    @Test
    void filtersByAgencyTypeAndDates() {
        String childRef = TestChildren.register("wsscp-health");
        add("wsscp-health", childRef, entry("MISSED_APPOINTMENT", TODAY.minusDays(40), "a"));
        String concern = add("wsscp-education", childRef, entry("CONCERN", TODAY.minusDays(20), "b"));
        String absence = add("wsscp-education", childRef, entry("SCHOOL_ABSENCE", TODAY.minusDays(5), "c"));
        String police = add("wsscp-police", childRef, entry("CONCERN", TODAY.minusDays(2), "d"));

        assertEquals(List.of(concern, absence), read("wsscp-health", childRef, Map.of("agency", "EDUCATION")).getList("entries.id"));
        assertEquals(List.of(concern, police), read("wsscp-health", childRef, Map.of("type", "CONCERN")).getList("entries.id"));
        JsonPath twoTypes = as("wsscp-health").queryParam("type", "CONCERN", "SCHOOL_ABSENCE")
                .when().get("/api/v1/children/{ref}/chronology", childRef).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(concern, absence, police), twoTypes.getList("entries.id"));
        assertEquals(List.of(concern, absence), read("wsscp-health", childRef,
                Map.of("from", TODAY.minusDays(20).toString(), "to", TODAY.minusDays(5).toString())).getList("entries.id"));
        assertEquals(List.of(police), read("wsscp-health", childRef, Map.of("agency", "POLICE", "type", "CONCERN",
                "from", TODAY.minusDays(3).toString())).getList("entries.id"));
    }

    @Test
    void badFiltersAreA400NamingTheParameter() {
        String childRef = TestChildren.register("hscp-health");
        Map<String, String> bad = Map.of("type", "SNACK", "agency", "health", "from", "2024-13-01", "to", "yesterday",
                "limit", "201", "includeSuperseded", "maybe", "cursor", "not-a-cursor");
        bad.forEach((name, value) -> as("hscp-health").queryParam(name, value)
                .when().get("/api/v1/children/{ref}/chronology", childRef)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo(name)).body(not(containsString(value))));
        as("hscp-health").queryParam("limit", "0").when().get("/api/v1/children/{ref}/chronology", childRef)
                .then().statusCode(400).body("errors[0].field", equalTo("limit"));
        as("hscp-health").queryParam("from", TODAY.toString()).queryParam("to", TODAY.minusDays(1).toString())
                .when().get("/api/v1/children/{ref}/chronology", childRef)
                .then().statusCode(400).body("errors[0].field", equalTo("to"));
    }

    @Test
    void aCursorPagesThroughTheWholeChronologyInOrder() {
        String childRef = TestChildren.register("hscp-childrens-services");
        List<String> added = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            // two entries a day, recorded newest day first: the order still follows the dates
            added.add(add("hscp-childrens-services", childRef, entry("VISIT", TODAY.minusDays(i / 2), "visit " + i)));
        }
        List<String> all = read("hscp-childrens-services", childRef, Map.of()).getList("entries.id");
        List<String> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Map<String, String> query = new HashMap<>(Map.of("limit", "3"));
            if (cursor != null) {
                query.put("cursor", cursor);
            }
            JsonPath page = read("hscp-childrens-services", childRef, query);
            paged.addAll(page.getList("entries.id"));
            cursor = page.get("nextCursor");
            pages++;
        } while (cursor != null);
        assertEquals(3, pages);
        assertEquals(all, paged);
        assertEquals(List.of(added.get(6), added.get(4), added.get(5), added.get(2), added.get(3), added.get(0), added.get(1)), all);
    }

    @Test
    void anotherPartnershipGets404AndTheDashboardIsForbidden() {
        String childRef = TestChildren.register("hscp-health");
        add("hscp-health", childRef, entry("VISIT", TODAY, "visit"));
        as("iowscp-childrens-services").when().get("/api/v1/children/{ref}/chronology", childRef)
                .then().statusCode(404).contentType("application/problem+json");
        as("iowscp-childrens-services").body(entry("CONCERN", TODAY, "x")).when().post("/api/v1/children/{ref}/chronology", childRef)
                .then().statusCode(404).contentType("application/problem+json");
        as("hscp-dashboard").when().get("/api/v1/children/{ref}/chronology", childRef)
                .then().statusCode(403).contentType("application/problem+json");
        as("hscp-dashboard").body(entry("CONCERN", TODAY, "x")).when().post("/api/v1/children/{ref}/chronology", childRef)
                .then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", bearer("hscp-health")).contentType(ContentType.JSON).body(entry("CONCERN", TODAY, "x"))
                .when().post("/api/v1/children/{ref}/chronology", childRef)
                .then().statusCode(400).body("errors[0].field", equalTo("X-Practitioner-Id"));
        assertEquals(1, read("hscp-health", childRef, Map.of()).getList("entries").size());

        AuditRows.forChild(db, childRef)
                .body("entries.action", hasItems("chronology.add", "chronology.read"))
                .body("entries.find { it.clientId == 'iowscp-childrens-services' }.outcome", equalTo("NOT_FOUND"));
    }

    @Test
    void badEntriesNameTheFieldAndStoreNothing() {
        String childRef = TestChildren.register("iowscp-education");
        String otherChild = TestChildren.register("iowscp-education");
        String othersEntry = add("iowscp-education", otherChild, entry("CONCERN", TODAY, "other child"));
        String concern = add("iowscp-education", childRef, entry("CONCERN", TODAY.minusDays(1), "first"));

        post(childRef, entry("VISIT", TODAY.plusDays(1), "tomorrow"), 422, "occurredOn");
        post(childRef, entry("PICNIC", TODAY, "x"), 400, "type");
        post(childRef, entry("VISIT", TODAY, "x".repeat(2001)), 400, "summary");
        post(childRef, entry("VISIT", TODAY, " "), 400, "summary");
        post(childRef, Map.of("type", "VISIT", "summary", "no date"), 400, "occurredOn");
        post(childRef, Map.of("type", "VISIT", "occurredOn", "2025-02-30", "summary", "x"), 400, "occurredOn");
        Map<String, Object> unknown = entry("VISIT", TODAY, "x");
        unknown.put("childName", "Sam");
        post(childRef, unknown, 400, "childName");
        Map<String, Object> crossChild = entry("CONCERN", TODAY, "x");
        crossChild.put("supersedes", othersEntry);
        post(childRef, crossChild, 422, "supersedes");
        Map<String, Object> notAReferral = entry("REFERRAL_DECISION", TODAY, "x");
        notAReferral.put("decision", "EARLY_HELP");
        notAReferral.put("referralId", concern);
        post(childRef, notAReferral, 422, "referralId");
        notAReferral.remove("decision");
        post(childRef, notAReferral, 422, "decision");
        post(childRef, entry("CLOSURE", TODAY, "x"), 422, "closureReason");
        Map<String, Object> misplaced = entry("VISIT", TODAY, "x");
        misplaced.put("closureReason", "NEEDS_MET");
        post(childRef, misplaced, 422, "closureReason");
        as("iowscp-education").body("{\"type\": \"VISIT\",").when().post("/api/v1/children/{ref}/chronology", childRef)
                .then().statusCode(400).contentType("application/problem+json");

        assertEquals(List.of(concern), read("iowscp-education", childRef, Map.of()).getList("entries.id"));
    }

    private static void post(String childRef, Map<String, Object> body, int status, String field) {
        as("iowscp-education").body(body).when().post("/api/v1/children/{ref}/chronology", childRef)
                .then().statusCode(status).contentType("application/problem+json").body("errors.field", hasItem(field))
                .body(not(containsString("Sam")));
    }

    @Test
    void aReferralDecisionNamesTheReferralItDecides() {
        String childRef = TestChildren.register("hscp-police");
        String referral = add("hscp-police", childRef, entry("REFERRAL", TODAY.minusDays(1), "Referred after attendance"));
        Map<String, Object> decision = entry("REFERRAL_DECISION", TODAY, "Accepted for assessment");
        decision.put("decision", "ASSESSMENT");
        decision.put("referralId", referral);
        as("hscp-childrens-services").body(decision).when().post("/api/v1/children/{ref}/chronology", childRef)
                .then().statusCode(201).body("decision", equalTo("ASSESSMENT")).body("referralId", equalTo(referral))
                .body("agency", equalTo("CHILDRENS_SERVICES"));
        Map<String, Object> closure = entry("CLOSURE", TODAY, "Needs met");
        closure.put("closureReason", "NEEDS_MET");
        as("hscp-childrens-services").body(closure).when().post("/api/v1/children/{ref}/chronology", childRef)
                .then().statusCode(201).body("closureReason", equalTo("NEEDS_MET")).body("decision", nullValue());
    }

    @Test
    void thePoliceRecordWhatKindOfIncidentTheyAttendedAndNobodyElseDoes() {
        String childRef = TestChildren.register("hscp-health");
        Map<String, Object> attendance = entry("POLICE_ATTENDANCE", TODAY, "Called to the home at 02:10");
        attendance.put("incidentType", "DOMESTIC_ABUSE");
        String id = as("hscp-police").body(attendance).when().post("/api/v1/children/{ref}/chronology", childRef)
                .then().statusCode(201).body("incidentType", equalTo("DOMESTIC_ABUSE")).body("agency", equalTo("POLICE"))
                .extract().path("id");
        as("hscp-childrens-services").when().get("/api/v1/children/{ref}/chronology/{id}", childRef, id)
                .then().statusCode(200).body("incidentType", equalTo("DOMESTIC_ABUSE"));
        // optional: without it the entry has none, and the view leaves it out
        String plain = add("hscp-police", childRef, entry("POLICE_ATTENDANCE", TODAY, "Welfare check"));
        as("hscp-police").when().get("/api/v1/children/{ref}/chronology/{id}", childRef, plain)
                .then().statusCode(200).body("$", not(hasKey("incidentType")));

        // another agency's attendance record, or another type, is a 422 naming the field; an unknown code a 400
        as("hscp-childrens-services").body(attendance).when().post("/api/v1/children/{ref}/chronology", childRef)
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("incidentType")));
        Map<String, Object> concern = entry("CONCERN", TODAY, "Bruising seen");
        concern.put("incidentType", "OTHER");
        as("hscp-police").body(concern).when().post("/api/v1/children/{ref}/chronology", childRef)
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("incidentType")));
        Map<String, Object> unknown = entry("POLICE_ATTENDANCE", TODAY, "x");
        unknown.put("incidentType", "BURGLARY");
        as("hscp-police").body(unknown).when().post("/api/v1/children/{ref}/chronology", childRef)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("incidentType")).body(not(containsString("BURGLARY")));

        assertEquals(List.of(id, plain), read("hscp-police", childRef, Map.of()).getList("entries.id"));
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstEntryAndRefusesAnotherBody() {
        String childRef = TestChildren.register("wsscp-childrens-services");
        Map<String, Object> body = entry("STRATEGY_DISCUSSION", TODAY, "Strategy discussion held");
        String key = "chronology-" + System.nanoTime();
        String id = as("wsscp-childrens-services").header("Idempotency-Key", key).body(body)
                .when().post("/api/v1/children/{ref}/chronology", childRef).then().statusCode(201).extract().path("id");
        as("wsscp-childrens-services").header("Idempotency-Key", key).body(body)
                .when().post("/api/v1/children/{ref}/chronology", childRef).then().statusCode(201).body("id", equalTo(id));
        body.put("summary", "Another summary");
        as("wsscp-childrens-services").header("Idempotency-Key", key).body(body)
                .when().post("/api/v1/children/{ref}/chronology", childRef)
                .then().statusCode(422).body("errors[0].field", equalTo("Idempotency-Key"));
        JsonPath chronology = read("wsscp-childrens-services", childRef, Map.of());
        assertEquals(List.of(id), chronology.getList("entries.id"));
        chronology.getList("entries", Map.class).forEach(e -> assertEquals("Strategy discussion held", e.get("summary")));
    }

    @Test
    void anEmptyChronologyIsAnEmptyPage() {
        String childRef = TestChildren.register("wsscp-health");
        as("wsscp-health").when().get("/api/v1/children/{ref}/chronology", childRef)
                .then().statusCode(200).body("entries", hasSize(0)).body("nextCursor", nullValue());
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteAnEntry() throws Exception {
        String childRef = TestChildren.register("hscp-health");
        String id = add("hscp-health", childRef, entry("VISIT", TODAY, "visit"));
        try (var c = db.getConnection()) {
            var update = assertThrows(java.sql.SQLException.class,
                    () -> c.createStatement().executeUpdate("update chronology_entry set summary = 'x' where id = '" + id + "'"));
            assertTrue(update.getMessage().contains("append-only"), update.getMessage());
            assertThrows(java.sql.SQLException.class,
                    () -> c.createStatement().executeUpdate("delete from chronology_entry where id = '" + id + "'"));
        }
        as("hscp-health").when().get("/api/v1/children/{ref}/chronology/{id}", childRef, id)
                .then().statusCode(200).body("summary", equalTo("visit"));
    }
}
