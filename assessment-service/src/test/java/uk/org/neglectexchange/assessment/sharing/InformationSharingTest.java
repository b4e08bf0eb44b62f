package uk.org.neglectexchange.assessment.sharing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.bearer;

import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import uk.org.neglectexchange.assessment.support.TestChildren;
import uk.org.neglectexchange.platform.testsupport.Rows;
import uk.org.neglectexchange.assessment.audit.AuditRows;

@QuarkusTest
class InformationSharingTest {

    @Inject
    DataSource db;

    private static RequestSpecification as(String clientId) {
        return given().header("Authorization", bearer(clientId)).header("X-Practitioner-Id", "dsl-0012");
    }

    @Test
    void anotherAgencyStatesItsLawfulBasisAndTheShareIsRecorded() {
        String childRef = TestChildren.register("hscp-childrens-services");
        as("hscp-education").header("X-Purpose", "SAFEGUARDING").header("X-Lawful-Basis", "PUBLIC_TASK_SAFEGUARDING_CHILDREN")
                .header("X-Consent", "NOT_SOUGHT").header("X-Para18-Reason", "CANNOT_REASONABLY_BE_OBTAINED")
                .when().get("/api/v1/children/{ref}", childRef).then().statusCode(200);
        as("hscp-health").header("X-Purpose", "HEALTH_VISITING").header("X-Lawful-Basis", "PUBLIC_TASK_HEALTH_SOCIAL_CARE")
                .header("X-Consent", "GIVEN")
                .when().get("/api/v1/children/{ref}", childRef).then().statusCode(200);

        as("hscp-childrens-services").when().get("/api/v1/children/{ref}/sharing-records", childRef)
                .then().statusCode(200).body("records", hasSize(2))
                .body("records[0].childRef", equalTo(childRef))
                .body("records[0].fromLeadAgency", equalTo("CHILDRENS_SERVICES"))
                .body("records[0].toAgency", equalTo("EDUCATION")).body("records[0].toClient", equalTo("hscp-education"))
                .body("records[0].practitionerId", equalTo("dsl-0012")).body("records[0].purpose", equalTo("SAFEGUARDING"))
                .body("records[0].lawfulBasis", equalTo("PUBLIC_TASK_SAFEGUARDING_CHILDREN"))
                .body("records[0].consent", equalTo("NOT_SOUGHT"))
                .body("records[0].para18Reason", equalTo("CANNOT_REASONABLY_BE_OBTAINED"))
                .body("records[1].toAgency", equalTo("HEALTH")).body("records[1].consent", equalTo("GIVEN"))
                .body("records[1].para18Reason", nullValue())
                .body("nextAfter", nullValue());
        given().header("Authorization", bearer("hscp-dpo"))
                .when().get("/api/v1/children/{ref}/sharing-records", childRef)
                .then().statusCode(200).body("records.toClient", equalTo(List.of("hscp-education", "hscp-health")));
        as("hscp-childrens-services").queryParam("limit", 1).when().get("/api/v1/children/{ref}/sharing-records", childRef)
                .then().statusCode(200).body("records", hasSize(1)).body("nextAfter", not(nullValue()));

        // only the lead agency and the DPO see who read the record; another partnership cannot tell the child exists
        as("hscp-education").when().get("/api/v1/children/{ref}/sharing-records", childRef)
                .then().statusCode(403).contentType("application/problem+json");
        as("wsscp-childrens-services").when().get("/api/v1/children/{ref}/sharing-records", childRef).then().statusCode(404);
        given().header("Authorization", bearer("hscp-dashboard"))
                .when().get("/api/v1/children/{ref}/sharing-records", childRef).then().statusCode(403);
    }

    @Test
    void aReadWithoutPurposeOrLawfulBasisIsRefusedAndNothingIsStored() throws Exception {
        String childRef = TestChildren.register("iowscp-health");
        as("iowscp-police").when().get("/api/v1/children/{ref}", childRef)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("X-Purpose", "X-Lawful-Basis", "X-Consent")));
        as("iowscp-police").header("X-Purpose", "POLICE_ATTENDANCE").header("X-Consent", "GIVEN")
                .when().get("/api/v1/children/{ref}", childRef)
                .then().statusCode(400).body("errors.field", equalTo(List.of("X-Lawful-Basis")));
        as("iowscp-police").header("X-Purpose", "POLICE_ATTENDANCE").header("X-Lawful-Basis", "BECAUSE-I-SAY-SO")
                .header("X-Consent", "GIVEN").when().get("/api/v1/children/{ref}", childRef)
                .then().statusCode(400).body("errors.field", equalTo(List.of("X-Lawful-Basis")))
                .body(not(containsString("BECAUSE-I-SAY-SO")));
        // law enforcement is the basis of the police, not of a school
        as("iowscp-education").header("X-Purpose", "ATTENDANCE").header("X-Lawful-Basis", "LAW_ENFORCEMENT_PART_3")
                .header("X-Consent", "GIVEN").when().get("/api/v1/children/{ref}", childRef)
                .then().statusCode(400).body("errors.field", equalTo(List.of("X-Lawful-Basis")));
        // without consent, the para 18 reason is recorded; with it, there is none to give
        as("iowscp-police").header("X-Purpose", "POLICE_ATTENDANCE").header("X-Lawful-Basis", "LAW_ENFORCEMENT_PART_3")
                .header("X-Consent", "REFUSED").when().get("/api/v1/children/{ref}", childRef)
                .then().statusCode(400).body("errors.field", equalTo(List.of("X-Para18-Reason")));
        as("iowscp-police").header("X-Purpose", "POLICE_ATTENDANCE").header("X-Lawful-Basis", "LAW_ENFORCEMENT_PART_3")
                .header("X-Consent", "GIVEN").header("X-Para18-Reason", "CANNOT_BE_GIVEN")
                .when().get("/api/v1/children/{ref}", childRef)
                .then().statusCode(400).body("errors.field", equalTo(List.of("X-Para18-Reason")));

        assertEquals(0, count("select count(*) from sharing_record where child_ref = ?", childRef));
        assertEquals(0, count("select count(*) from outbox_event where message_key = ? and type = 'child.record-accessed'", childRef));
        AuditRows.forChild(db, childRef)
                .body("entries.findAll { it.action == 'child.read' }.outcome", hasItem("REJECTED"))
                .body("entries.findAll { it.action == 'child.read' }.outcome", not(hasItem("SUCCESS")));

        as("iowscp-police").header("X-Purpose", "POLICE_ATTENDANCE").header("X-Lawful-Basis", "LAW_ENFORCEMENT_PART_3")
                .header("X-Consent", "REFUSED").header("X-Para18-Reason", "WOULD_PREJUDICE_PROTECTION")
                .when().get("/api/v1/children/{ref}", childRef).then().statusCode(200);
        assertEquals(1, count("select count(*) from sharing_record where child_ref = ?", childRef));
    }

    @Test
    void theHouseholdAndTheLevelHistoryArePartOfTheRecordToo() throws Exception {
        String childRef = TestChildren.register("hscp-health");
        for (String part : List.of("household", "threshold-history")) {
            as("hscp-police").when().get("/api/v1/children/{ref}/" + part, childRef)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", equalTo(List.of("X-Purpose", "X-Lawful-Basis", "X-Consent")));
        }
        assertEquals(0, count("select count(*) from sharing_record where child_ref = ?", childRef));
        assertEquals(0, count("select count(*) from outbox_event where message_key = ? and type = 'child.record-accessed'", childRef));

        for (String part : List.of("household", "threshold-history")) {
            as("hscp-police").header("X-Purpose", "POLICE_ATTENDANCE").header("X-Lawful-Basis", "LAW_ENFORCEMENT_PART_3")
                    .header("X-Consent", "NOT_SOUGHT").header("X-Para18-Reason", "WOULD_PREJUDICE_PROTECTION")
                    .when().get("/api/v1/children/{ref}/" + part, childRef).then().statusCode(200);
        }
        as("hscp-health").when().get("/api/v1/children/{ref}/sharing-records", childRef)
                .then().statusCode(200).body("records.toClient", equalTo(List.of("hscp-police", "hscp-police")))
                .body("records.lawfulBasis", equalTo(List.of("LAW_ENFORCEMENT_PART_3", "LAW_ENFORCEMENT_PART_3")));
        assertEquals(2, count("select count(*) from outbox_event where message_key = ? and type = 'child.record-accessed'", childRef));
    }

    @Test
    void theLeadAgencyReadingItsOwnRecordNeedsNoBasisAndIsNoShare() throws Exception {
        String childRef = TestChildren.register("wsscp-police");
        as("wsscp-police").when().get("/api/v1/children/{ref}", childRef).then().statusCode(200);
        as("wsscp-police").when().get("/api/v1/children/{ref}/sharing-records", childRef)
                .then().statusCode(200).body("records", hasSize(0));
        assertEquals(0, count("select count(*) from sharing_record where child_ref = ?", childRef));
    }

    private long count(String sql, String childRef) throws Exception {
        return Rows.count(db, sql, childRef);
    }
}
