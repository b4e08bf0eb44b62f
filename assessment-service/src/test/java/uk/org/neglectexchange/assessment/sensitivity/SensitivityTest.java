package uk.org.neglectexchange.assessment.sensitivity;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.org.neglectexchange.assessment.support.AgencyRequests.as;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import uk.org.neglectexchange.assessment.support.AgencyRequests;
import uk.org.neglectexchange.assessment.support.PublishedEditions;
import uk.org.neglectexchange.assessment.support.TestChildren;
import uk.org.neglectexchange.platform.testsupport.Rows;

/**
 * Every reader of a child's partnership and of another, against entries and contributions at every sharing level:
 * a text reaches exactly the readers SharingLevelRule names, the others get the redaction marker, audited.
 */
@QuarkusTest
class SensitivityTest {

    private static final List<String> OTHER_PARTNERSHIP = List.of("iowscp-childrens-services", "iowscp-police", "iowscp-health", "iowscp-dpo");

    @Inject
    DataSource db;

    static Map<String, Object> entry(String type, String summary, String level) {
        Map<String, Object> entry = new HashMap<>(Map.of("type", type, "occurredOn", LocalDate.now().toString(), "summary", summary));
        if (level != null) {
            entry.put("sharingLevel", level);
        }
        return entry;
    }

    static String add(String clientId, String childRef, Map<String, Object> entry, String expectedLevel) {
        return as(clientId).body(entry).when().post("/api/v1/children/{ref}/chronology", childRef)
                .then().statusCode(201).body("sharingLevel", equalTo(expectedLevel)).extract().path("id");
    }

    @Test
    void eachReaderGetsTheChronologyTextsItsAgencyMayReadAndNoOther() throws Exception {
        String marker = "Text" + System.nanoTime();
        String childRef = TestChildren.register("hscp-health");
        Map<String, String> ids = new HashMap<>();
        ids.put("police-part3", add("hscp-police", childRef, entry("POLICE_ATTENDANCE", marker + "police-part3", null), "POLICE_PART3"));
        ids.put("police-partnership", add("hscp-police", childRef, entry("CONCERN", marker + "police-partnership", "PARTNERSHIP"), "PARTNERSHIP"));
        ids.put("health-restricted", add("hscp-health", childRef, entry("VISIT", marker + "health-restricted", "RESTRICTED"), "RESTRICTED"));
        ids.put("health-partnership", add("hscp-health", childRef, entry("VISIT", marker + "health-partnership", null), "PARTNERSHIP"));
        ids.put("cs-restricted", add("hscp-childrens-services", childRef, entry("CONCERN", marker + "cs-restricted", "RESTRICTED"), "RESTRICTED"));
        Set<String> all = ids.keySet();

        Map<String, Set<String>> reads = Map.of(
                "hscp-childrens-services", all,
                "hscp-dpo", all,
                "hscp-police", Set.of("police-part3", "police-partnership", "health-partnership"),
                "hscp-health", Set.of("police-partnership", "health-restricted", "health-partnership"),
                // not involved with the child: no text at all
                "hscp-education", Set.of());
        for (var reader : reads.entrySet()) {
            long auditedBefore = redactionsAudited(childRef, reader.getKey());
            String page = as(reader.getKey()).when().get("/api/v1/children/{ref}/chronology", childRef)
                    .then().statusCode(200).extract().asString();
            for (var written : ids.entrySet()) {
                boolean reads_ = reader.getValue().contains(written.getKey());
                assertEquals(reads_, page.contains(marker + written.getKey()), reader.getKey() + " reading " + written.getKey());
                JsonPath one = as(reader.getKey()).when().get("/api/v1/children/{ref}/chronology/{id}", childRef, written.getValue())
                        .then().statusCode(200).extract().jsonPath();
                assertEquals(reads_, one.prettify().contains(marker), reader.getKey() + " reading one entry " + written.getKey());
                if (!reads_) {
                    assertEquals(one.getString("sharingLevel"), one.getString("redaction.reason"));
                    assertTrue(one.getString("redaction.message").startsWith(
                            "POLICE_PART3".equals(one.getString("sharingLevel")) ? "police information held" : ""));
                    assertTrue(one.getString("type") != null && one.getString("agency") != null && one.getString("occurredOn") != null);
                }
            }
            int hidden = all.size() - reader.getValue().size();
            // one audit row per text left out, for the page and for each single read
            assertEquals(2L * hidden, redactionsAudited(childRef, reader.getKey()) - auditedBefore, reader.getKey());
        }
        for (String stranger : OTHER_PARTNERSHIP) {
            String body = as(stranger).when().get("/api/v1/children/{ref}/chronology", childRef).then().statusCode(404).extract().asString();
            assertFalse(body.contains(marker), stranger);
            for (String id : ids.values()) {
                assertFalse(as(stranger).when().get("/api/v1/children/{ref}/chronology/{id}", childRef, id)
                        .then().statusCode(404).extract().asString().contains(marker), stranger);
            }
        }

        // once the school has written to the chronology it is involved: it reads the PARTNERSHIP texts, no others
        add("hscp-education", childRef, entry("SCHOOL_ABSENCE", marker + "education-partnership", null), "PARTNERSHIP");
        String page = as("hscp-education").when().get("/api/v1/children/{ref}/chronology", childRef).then().statusCode(200).extract().asString();
        assertTrue(page.contains(marker + "police-partnership") && page.contains(marker + "health-partnership"));
        assertFalse(page.contains(marker + "police-part3") || page.contains(marker + "health-restricted") || page.contains(marker + "cs-restricted"));
    }

    @Test
    void aContributionsTextReachesOnlyTheReadersItsLevelAllows() throws Exception {
        PublishedEditions.currentHiow();
        String marker = "Contribution" + System.nanoTime();
        String childRef = TestChildren.register("hscp-health");
        String id = as("hscp-health").when().post("/api/v1/children/{ref}/assessments", childRef)
                .then().statusCode(201).extract().path("id");
        contribute("hscp-police", id, marker + "police", null, "POLICE_PART3");
        contribute("hscp-health", id, marker + "health", "RESTRICTED", "RESTRICTED");
        Map<String, Set<String>> reads = Map.of(
                "hscp-childrens-services", Set.of("police", "health"),
                "hscp-police", Set.of("police"),
                "hscp-health", Set.of("health"),
                "hscp-education", Set.of());
        for (var reader : reads.entrySet()) {
            String body = as(reader.getKey()).when().get("/api/v1/assessments/{id}", id).then().statusCode(200).extract().asString();
            for (String author : List.of("police", "health")) {
                assertEquals(reader.getValue().contains(author), body.contains(marker + author), reader.getKey() + " reading " + author);
            }
            assertEquals(2 - reader.getValue().size(), JsonPath.from(body).getList("contributions.findAll { it.redaction != null }").size());
        }
        assertTrue(Rows.count(db, "select count(*) from audit_entry where child_ref = ? and action = 'assessment.contribution-redacted'"
                + " and client_id = 'hscp-education'", childRef) >= 2);
        for (String stranger : OTHER_PARTNERSHIP.subList(0, 3)) {
            assertFalse(as(stranger).when().get("/api/v1/assessments/{id}", id).then().statusCode(404).extract().asString().contains(marker));
        }
    }

    @Test
    void anUnknownLevelOrOneTheAgencyMayNotChooseIsRefusedNamingTheField() {
        String childRef = TestChildren.register("hscp-health");
        for (String level : List.of("SECRET", "POLICE_PART3")) {
            as("hscp-health").body(entry("VISIT", "Home visit", level)).when().post("/api/v1/children/{ref}/chronology", childRef)
                    .then().statusCode(422).body("errors[0].field", equalTo("sharingLevel"));
        }
        as("hscp-health").body(entry("VISIT", "Home visit", "")).when().post("/api/v1/children/{ref}/chronology", childRef)
                .then().statusCode(422).body("errors[0].field", equalTo("sharingLevel"));
    }

    private static void contribute(String clientId, String assessmentId, String concern, String level, String expected) {
        Map<String, Object> body = AgencyRequests.contribution(List.of());
        body.put("concerns", List.of(concern));
        if (level != null) {
            body.put("sharingLevel", level);
        }
        as(clientId).body(body).when().post("/api/v1/assessments/{id}/contributions", assessmentId)
                .then().statusCode(201).body("sharingLevel", equalTo(expected));
    }

    private long redactionsAudited(String childRef, String clientId) throws Exception {
        return Rows.count(db, "select count(*) from audit_entry where child_ref = ? and action = 'chronology.entry-redacted'"
                + " and client_id = ?", childRef, clientId);
    }
}
