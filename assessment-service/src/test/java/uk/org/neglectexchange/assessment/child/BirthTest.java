package uk.org.neglectexchange.assessment.child;

import io.restassured.specification.RequestSpecification;

import io.restassured.http.ContentType;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static uk.org.neglectexchange.assessment.support.AgencyRequests.as;
import static uk.org.neglectexchange.assessment.support.AgencyRequests.completion;
import static uk.org.neglectexchange.assessment.support.AgencyRequests.contribution;
import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.bearer;
import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import uk.org.neglectexchange.assessment.support.PublishedEditions;
import uk.org.neglectexchange.assessment.support.TestChildren;
import uk.org.neglectexchange.platform.testsupport.Rows;
import uk.org.neglectexchange.platform.testsupport.events.TopicReader;
import uk.org.neglectexchange.assessment.audit.AuditRows;

@QuarkusTest
class BirthTest {

    @Inject
    DataSource db;

    @BeforeEach
    void aHiowEditionIsPublished() throws Exception {
        PublishedEditions.currentHiow();
    }

    static String registerUnborn(String clientId, LocalDate due) {
        return as(clientId).body(Map.of("familyName", TestChildren.uniqueFamilyName(), "expectedDateOfBirth", due.toString()))
                .when().post("/api/v1/children").then().statusCode(201).body("unborn", equalTo(true)).extract().path("childRef");
    }

    static Map<String, Object> birth(LocalDate dateOfBirth, String nhsNumber) {
        Map<String, Object> body = new HashMap<>();
        body.put("dateOfBirth", dateOfBirth.toString());
        if (nhsNumber != null) {
            body.put("nhsNumber", nhsNumber);
        }
        return body;
    }

    long events(String childRef) throws Exception {
        return Rows.count(db, "select count(*) from outbox_event where message_key = ? and type = 'child.born'", childRef);
    }

    @Test
    void aBirthGivesTheAgeBandKeepsThePreBirthRecordAndIsAnnouncedWithoutIdentity() throws Exception {
        LocalDate born = LocalDate.now().minusDays(2);
        String childRef = registerUnborn("hscp-health", LocalDate.now().plusDays(10));
        String preBirth = as("hscp-health").when().post("/api/v1/children/{ref}/assessments", childRef)
                .then().statusCode(201).body("ageBand", equalTo("PRE_BIRTH")).extract().path("id");
        String nhs = TestChildren.testNhsNumber();

        try (TopicReader reader = TopicReader.outbox()) {
            as("hscp-childrens-services").header("Idempotency-Key", "birth-" + childRef).body(birth(born, nhs))
                    .when().post("/api/v1/children/{ref}/birth", childRef)
                    .then().statusCode(200).body("unborn", equalTo(false)).body("ageBand", equalTo("0_4"))
                    .body("identity.dateOfBirth", equalTo(born.toString())).body("identity.nhsNumber", equalTo(nhs));
            ConsumerRecord<String, String> event = reader.awaitEvent("child.born", childRef, Duration.ofSeconds(15));
            var data = new ObjectMapper().readTree(event.value());
            assertEquals("0_4", data.get("ageBand").asText());
            assertEquals("CHILDRENS_SERVICES", data.get("recordedByAgency").asText());
            assertFalse(event.value().contains(nhs) || event.value().contains(born.toString()), "no identity in child.born");
        }

        // the retry with its key answers the first outcome; the same birth again changes nothing
        as("hscp-childrens-services").header("Idempotency-Key", "birth-" + childRef).body(birth(born, nhs))
                .when().post("/api/v1/children/{ref}/birth", childRef).then().statusCode(200).body("ageBand", equalTo("0_4"));
        as("hscp-health").body(birth(born, null)).when().post("/api/v1/children/{ref}/birth", childRef).then().statusCode(200);
        assertEquals(1, events(childRef));

        // a different second birth is refused, and nothing changes
        as("hscp-health").body(birth(born.minusDays(1), null)).when().post("/api/v1/children/{ref}/birth", childRef)
                .then().statusCode(409).contentType("application/problem+json").body("detail", containsString("recorded already"))
                .body(not(containsString(born.minusDays(1).toString())));
        as("hscp-health").when().get("/api/v1/children/{ref}", childRef).then().body("identity.dateOfBirth", equalTo(born.toString()));
        assertEquals(1, events(childRef));

        // the pre-birth assessment stays as it was; the next one uses the new band
        Map<String, Object> completion = completion(2, "UNBORN");
        completion.put("childsVoiceAbsentReason", "UNBORN");
        as("hscp-health").body(contribution(List.of(
                Map.of("grade", 3, "indicatorCode", "HIOW.PHYSICAL_CARE.NUTRITION.0_4"))))
                .when().post("/api/v1/assessments/{id}/contributions", preBirth).then().statusCode(422);
        as("hscp-health").when().get("/api/v1/children/{ref}/assessments", childRef)
                .then().statusCode(200).body("assessments.ageBand", contains("PRE_BIRTH"));
        as("hscp-health").body(Map.of("purpose", "Multi-agency neglect assessment", "lawfulBasis", "PUBLIC_TASK_SAFEGUARDING_CHILDREN",
                "consent", "GIVEN", "concerns", List.of("Antenatal care missed")))
                .when().post("/api/v1/assessments/{id}/contributions", preBirth).then().statusCode(201);
        as("hscp-childrens-services").body(completion).when().post("/api/v1/assessments/{id}/completion", preBirth)
                .then().statusCode(200);
        as("hscp-health").when().post("/api/v1/children/{ref}/assessments", childRef)
                .then().statusCode(201).body("ageBand", equalTo("0_4"));

        // a later registration of the baby by its NHS number finds this child
        as("hscp-education").body(TestChildren.child(nhs, "Ada", "Other", born)).when().post("/api/v1/children")
                .then().statusCode(200).body("childRef", equalTo(childRef));
        AuditRows.forChild(db, childRef)
                .body("entries.findAll { it.action == 'child.birth' }.outcome", hasItem("REJECTED"));
    }

    @Test
    void onlyTheRegisteringAgencyOrChildrensServicesRecordsABirth() throws Exception {
        String childRef = registerUnborn("hscp-health", LocalDate.now().plusDays(10));
        as("hscp-police").body(birth(LocalDate.now(), null)).when().post("/api/v1/children/{ref}/birth", childRef)
                .then().statusCode(403).contentType("application/problem+json");
        as("iowscp-health").body(birth(LocalDate.now(), null)).when().post("/api/v1/children/{ref}/birth", childRef)
                .then().statusCode(404);
        as("hscp-health").when().get("/api/v1/children/{ref}", childRef).then().body("unborn", equalTo(true));
        assertEquals(0, events(childRef));
    }

    @Test
    void aBadBirthIsRefusedByNameWithNothingStored() throws Exception {
        LocalDate due = LocalDate.now().plusDays(10);
        String childRef = registerUnborn("hscp-health", due);
        as("hscp-health").body(birth(LocalDate.now().plusDays(1), null)).when().post("/api/v1/children/{ref}/birth", childRef)
                .then().statusCode(422).body("errors.field", contains("dateOfBirth"));
        as("hscp-health").body(birth(due.minusWeeks(21), null)).when().post("/api/v1/children/{ref}/birth", childRef)
                .then().statusCode(422).body("errors.field", contains("dateOfBirth"))
                .body(not(containsString(due.minusWeeks(21).toString())));
        as("hscp-health").body(birth(LocalDate.now(), "1234567890")).when().post("/api/v1/children/{ref}/birth", childRef)
                .then().statusCode(422).body("errors.field", contains("nhsNumber")).body(not(containsString("1234567890")));
        as("hscp-health").body(Map.of()).when().post("/api/v1/children/{ref}/birth", childRef).then().statusCode(400);

        // a child registered as born has no birth to record
        String born = TestChildren.register("hscp-health");
        as("hscp-health").body(birth(LocalDate.now(), null)).when().post("/api/v1/children/{ref}/birth", born)
                .then().statusCode(409).body("detail", containsString("registered as born"));

        // an NHS number that is another child's: the registration's answer (that child), as a conflict
        String nhs = TestChildren.testNhsNumber();
        String other = as("hscp-health").body(TestChildren.child(nhs, "Sam", TestChildren.uniqueFamilyName(), LocalDate.now().minusYears(2)))
                .when().post("/api/v1/children").then().statusCode(201).extract().path("childRef");
        as("hscp-health").body(birth(LocalDate.now(), nhs)).when().post("/api/v1/children/{ref}/birth", childRef)
                .then().statusCode(409).body("detail", containsString(other)).body(not(containsString(nhs)));

        as("hscp-health").when().get("/api/v1/children/{ref}", childRef).then().body("unborn", equalTo(true));
        assertEquals(0, events(childRef));
        assertEquals(1, Rows.count(db, "select count(*) from child_identity where nhs_number_hash is not null and child_ref in (?, ?)",
                childRef, other));
    }
}
