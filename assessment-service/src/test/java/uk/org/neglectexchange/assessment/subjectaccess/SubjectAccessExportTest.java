package uk.org.neglectexchange.assessment.subjectaccess;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.org.neglectexchange.assessment.support.AgencyRequests.as;
import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.bearer;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import uk.org.neglectexchange.assessment.audit.AuditRows;
import uk.org.neglectexchange.assessment.support.AgencyRequests;
import uk.org.neglectexchange.assessment.support.PublishedEditions;
import uk.org.neglectexchange.assessment.support.TestChildren;
import uk.org.neglectexchange.platform.testsupport.Rows;
import uk.org.neglectexchange.platform.testsupport.events.CloudEventSender;

@QuarkusTest
class SubjectAccessExportTest {

    static final String EXPORT = "/api/v1/children/{ref}/subject-access-export";

    @Inject
    DataSource db;

    /** A child of HSCP with a half-sibling, a carer, an entry naming both, an assessment, and a police read. */
    record Family(String childRef, String familyName, String siblingRef, String siblingName, String carerName) {
    }

    static Family family() throws Exception {
        String familyName = TestChildren.uniqueFamilyName();
        String childRef = register("Sam", familyName);
        String siblingName = TestChildren.uniqueFamilyName();
        String siblingRef = register("Kezia", siblingName);
        String carerName = TestChildren.uniqueFamilyName();
        as("hscp-health").body(Map.of("relatedChildRef", siblingRef, "relationship", "HALF_SIBLING"))
                .when().post("/api/v1/children/{ref}/household-links", childRef).then().statusCode(201);
        as("hscp-health").body(Map.of("givenName", "Morwenna", "familyName", carerName, "relationship", "MOTHER",
                "livesWithChild", true)).when().post("/api/v1/children/{ref}/carers", childRef).then().statusCode(201);
        as("hscp-health").body(Map.of("type", "VISIT", "occurredOn", LocalDate.now().minusDays(1).toString(),
                "summary", "Home visit: Kezia " + siblingName + " and Morwenna present, Sam asleep"))
                .when().post("/api/v1/children/{ref}/chronology", childRef).then().statusCode(201);
        PublishedEditions.currentHiow();
        String assessment = as("hscp-health").when().post("/api/v1/children/{ref}/assessments", childRef)
                .then().statusCode(201).extract().path("id");
        as("hscp-health").body(AgencyRequests.contribution(List.of(Map.of("indicatorCode",
                "HIOW.PHYSICAL_CARE.NUTRITION.0_4", "grade", 3, "note", "Morwenna says the cupboard is often empty"))))
                .when().post("/api/v1/assessments/{id}/contributions", assessment).then().statusCode(201);
        as("hscp-police").when().get("/api/v1/children/{ref}", childRef).then().statusCode(200);
        return new Family(childRef, familyName, siblingRef, siblingName, carerName);
    }

    @Test
    void theDpoExportsTheWholeRecordWithThirdPartiesRedacted() throws Exception {
        Family f = family();
        for (String action : List.of("child.read", "chronology.add", "child.household-link")) {
            awaitAccessRecord(f.childRef(), action);
        }
        String body = given().header("Authorization", bearer("hscp-dpo"))
                .when().get(EXPORT, f.childRef())
                .then().statusCode(200).contentType("application/json")
                .body("childRef", equalTo(f.childRef()))
                .body("identity.givenName", equalTo("Sam")).body("identity.familyName", equalTo(f.familyName()))
                .body("birth.unborn", equalTo(false))
                .body("registration.leadAgency", equalTo("HEALTH"))
                .body("chronology", hasSize(1))
                .body("chronology[0].summary", equalTo("Home visit: [name redacted] [name redacted] and [name redacted]"
                        + " present, Sam asleep"))
                .body("chronology[0].agency", equalTo("HEALTH"))
                .body("chronology[0].practitionerId", equalTo(ThirdPartyRedactionRule.PRACTITIONER))
                .body("assessments", hasSize(1))
                .body("assessments[0].contributions", hasSize(1))
                .body("assessments[0].contributions[0].observations[0].note",
                        equalTo("[name redacted] says the cupboard is often empty"))
                .body("household.siblings", hasSize(1))
                .body("household.siblings[0].relationship", equalTo("HALF_SIBLING"))
                .body("household.siblings[0]", not(hasKey("childRef")))
                .body("household.carers[0].relationship", equalTo("MOTHER"))
                .body("sharingRecords.toAgency", contains("POLICE"))
                .body("sharingRecords[0].practitionerId", equalTo(ThirdPartyRedactionRule.PRACTITIONER))
                .body("escalations", hasSize(0))
                .body("accessLog.action", hasItems("child.read", "chronology.add", "child.household-link"))
                .body("accessLog.find { it.action == 'child.read' }.clientId", equalTo("hscp-police"))
                .body("accessLog.practitionerId", not(hasItem("p-hscp-police")))
                .body("scope.doesNotCover", hasItem(org.hamcrest.Matchers.containsString("escalation-service")))
                .extract().asString();
        // the sibling and the carer are other people: neither their references nor their names are in the export
        for (String other : List.of(f.siblingRef(), f.siblingName(), f.carerName(), "Kezia", "Morwenna", "p-hscp-health")) {
            assertFalse(body.contains(other), "the export holds third-party data it should not");
        }

        // the export itself is audited, refusals too
        AuditRows.forChild(db, f.childRef())
                .body("entries.find { it.action == 'subject-access.export' }.clientId", equalTo("hscp-dpo"))
                .body("entries.find { it.action == 'subject-access.export' }.outcome", equalTo("SUCCESS"));
    }

    @Test
    void thePdfHoldsTheSameSections() throws Exception {
        Family f = family();
        byte[] pdf = given().header("Authorization", bearer("hscp-dpo")).accept("application/pdf")
                .when().get(EXPORT, f.childRef())
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            for (String expected : List.of(f.childRef(), f.familyName(), "Identity", "Chronology", "Assessments",
                    "Household", "Sharing records", "Access log", "Scope", "[name redacted]")) {
                assertTrue(text.contains(expected), "the PDF lacks " + expected);
            }
            assertFalse(text.contains(f.siblingRef()) || text.contains(f.carerName()), "the PDF holds third-party data");
        }
    }

    @Test
    void anEmptyOrMalformedAcceptIsJsonAndAnUnservableOneIs406() {
        String childRef = TestChildren.register("hscp-health");
        // no preference is JSON, as it is with no Accept header at all
        given().header("Authorization", bearer("hscp-dpo")).header("Accept", "")
                .when().get(EXPORT, childRef).then().statusCode(200).contentType("application/json");
        // a malformed quality is read leniently, as any other endpoint reads it
        given().header("Authorization", bearer("hscp-dpo")).header("Accept", "*/*;q=abc")
                .when().get(EXPORT, childRef).then().statusCode(200).contentType("application/json");
        for (String neither : List.of("image/png", "application/problem+xml")) {
            given().header("Authorization", bearer("hscp-dpo")).header("Accept", neither)
                    .when().get(EXPORT, childRef).then().statusCode(406).contentType("application/problem+json");
        }
    }

    @Test
    void onlyTheChildsPartnershipsDpoExportsAndRefusalsOnTheChildAreAudited() {
        String childRef = TestChildren.register("hscp-health");
        given().header("Authorization", bearer("hscp-dpo")).when().get(EXPORT, "CH-ZZZZZZZZZZ")
                .then().statusCode(404).contentType("application/problem+json")
                .body("errors[0].field", equalTo("childRef"));
        given().header("Authorization", bearer("iowscp-dpo")).when().get(EXPORT, childRef)
                .then().statusCode(404).contentType("application/problem+json")
                .body("errors[0].field", equalTo("childRef"));
        as("hscp-health").when().get(EXPORT, childRef).then().statusCode(403).contentType("application/problem+json");
        // refused on the child: audited; refused for the role, before any child data is reached: not (as everywhere)
        AuditRows.forChild(db, childRef)
                .body("entries.findAll { it.action == 'subject-access.export' }.outcome", contains("NOT_FOUND"))
                .body("entries.findAll { it.action == 'subject-access.export' }.clientId", contains("iowscp-dpo"));
    }

    @Test
    void aMergedRecordPointsAtTheSurvivingRecordsExport() throws Exception {
        String surviving = TestChildren.register("hscp-health");
        // registered again without the NHS number: with two different ones they would be two children
        String duplicate = as("hscp-police").body(TestChildren.child(null, "Samuel", TestChildren.uniqueFamilyName(),
                LocalDate.now().minusYears(3))).when().post("/api/v1/children").then().statusCode(201).extract().path("childRef");
        as("hscp-childrens-services").body(Map.of("duplicateChildRef", duplicate, "reason", "Registered twice"))
                .when().post("/api/v1/children/{ref}/merges", surviving).then().statusCode(201);
        given().header("Authorization", bearer("hscp-dpo")).redirects().follow(false)
                .when().get(EXPORT, duplicate)
                .then().statusCode(308).header("Location", equalTo("/api/v1/children/" + surviving + "/subject-access-export"));
        awaitAccessRecord(duplicate, "child.register");
        JsonPath export = given().header("Authorization", bearer("hscp-dpo")).when().get(EXPORT, surviving)
                .then().statusCode(200).extract().jsonPath();
        assertTrue(export.getList("merges.mergedChildRef").contains(duplicate));
        // the duplicate's own registration is part of the record's access history
        assertTrue(export.getList("accessLog.childRef").contains(duplicate));
    }

    @Test
    void theAccessLogHoldsEveryServicesRowsAboutTheChildOnce() throws Exception {
        String childRef = TestChildren.register("hscp-health");
        // escalation-service's audit row of a read of the child's escalation, delivered twice (a relay's retry)
        long entryId = System.nanoTime();
        UUID eventId = UUID.randomUUID();
        try (CloudEventSender events = new CloudEventSender()) {
            for (int delivery = 0; delivery < 2; delivery++) {
                var attributes = CloudEventSender.attributes(eventId, "audit.recorded", "/neglect-exchange/escalation-service");
                events.send(CloudEventSender.incomingTopic("access-audit-events"), "HSCP", attributes, """
                        {"service": "escalation-service", "entryId": %d, "at": "%s", "clientId": "hscp-school",
                         "partnership": "HSCP", "agency": "EDUCATION", "practitionerId": "p-9", "purpose": "CHILD_PROTECTION",
                         "action": "escalation.read", "childRef": "%s", "outcome": "SUCCESS", "requestId": "r-1"}"""
                        .formatted(entryId, OffsetDateTime.now(), childRef));
            }
        }
        awaitAccessRecord(childRef, "escalation.read");
        awaitAccessRecord(childRef, "child.register");
        given().header("Authorization", bearer("hscp-dpo")).when().get(EXPORT, childRef)
                .then().statusCode(200)
                .body("accessLog.findAll { it.action == 'escalation.read' }", hasSize(1))
                .body("accessLog.find { it.action == 'escalation.read' }.service", equalTo("escalation-service"))
                .body("accessLog.find { it.action == 'escalation.read' }.clientId", equalTo("hscp-school"))
                .body("accessLog.find { it.action == 'escalation.read' }.practitionerId",
                        equalTo(ThirdPartyRedactionRule.PRACTITIONER))
                .body("accessLog.find { it.action == 'child.register' }.service", equalTo("assessment-service"));
    }

    /** The access log is a copy of audit-events: a row is there a moment after the access. */
    private void awaitAccessRecord(String childRef, String action) {
        await().atMost(Duration.ofSeconds(30)).until(() -> Rows.count(db,
                "select count(*) from access_record where child_ref = ? and action = ?", childRef, action) > 0);
    }

    private static String register(String givenName, String familyName) {
        return as("hscp-health").body(TestChildren.child(TestChildren.testNhsNumber(), givenName, familyName,
                LocalDate.now().minusYears(2))).when().post("/api/v1/children").then().statusCode(201).extract().path("childRef");
    }
}
