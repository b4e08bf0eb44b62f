package uk.org.neglectexchange.toolkit.edition;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.bearer;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import uk.org.neglectexchange.platform.testsupport.Rows;

@QuarkusTest
public class EditionResourceTest {

    private static final String HIOW_EDITOR = "hiow-toolkit-editor";
    private static final AtomicInteger MINOR = new AtomicInteger();

    @Inject
    DataSource db;

    @Test
    void agencyReadsTheSeededPublishedEditionOfEachFamily() {
        given().header("Authorization", bearer("hscp-health"))
                .when().get("/api/v1/toolkits/WS/editions/current")
                .then().statusCode(200)
                .body("family", equalTo("WS"))
                .body("status", equalTo("PUBLISHED"))
                .body("reviewStatus", equalTo("CURRENT"))
                .body("content.thresholdLevels", hasSize(4))
                .body("content.neglectCategories.code", hasItem("SEVERE_DEPRIVATION"))
                .body("content.partnershipSettings.WSSCP.escalation.businessTeamNotifiedFromStage", equalTo(2));
    }

    @Test
    void publishingADraftSupersedesTheCurrentEditionWhichStaysReadable() throws Exception {
        String previous = currentVersion("HIOW");
        String next = openDraft();

        String requestId = UUID.randomUUID().toString();
        given().header("Authorization", bearer(HIOW_EDITOR)).header("X-Request-Id", requestId)
                .when().post("/api/v1/toolkits/HIOW/editions/{v}/publication", next)
                .then().statusCode(200)
                .body("status", equalTo("PUBLISHED"))
                .body("reviewDueOn", equalTo(java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusMonths(12).toString()));
        // an edit names no child: audited under the editor's partnership, and on its way to the trail
        assertEquals(1, Rows.count(db, "select count(*) from audit_entry where request_id = ? and client_id = ?"
                + " and partnership = 'HSCP' and action = 'toolkit.edition.publish' and outcome = 'SUCCESS'"
                + " and child_ref is null", requestId, HIOW_EDITOR));
        assertEquals(1, Rows.count(db, "select count(*) from outbox_event where type = 'audit.recorded'"
                + " and request_id = ? and message_key = 'HSCP'", requestId));

        given().header("Authorization", bearer("iowscp-police"))
                .when().get("/api/v1/toolkits/HIOW/editions/{v}", previous)
                .then().statusCode(200).body("status", equalTo("SUPERSEDED"))
                .body("reviewStatus", nullValue());
        given().header("Authorization", bearer("iowscp-police"))
                .when().get("/api/v1/toolkits/HIOW/editions")
                .then().statusCode(200)
                .body("findAll { it.status == 'PUBLISHED' }", hasSize(1))
                .body("[0].version", equalTo(next));
    }

    @Test
    void aDraftAndAPublicationRetriedWithTheirKeysAreAppliedOnce() throws Exception {
        String version = "2." + MINOR.incrementAndGet() + ".0";
        String draftKey = "draft-" + UUID.randomUUID();
        for (int attempt = 0; attempt < 2; attempt++) {
            given().header("Authorization", bearer(HIOW_EDITOR)).header("Idempotency-Key", draftKey)
                    .contentType(ContentType.JSON).body(Map.of("version", version))
                    .when().post("/api/v1/toolkits/HIOW/editions")
                    .then().statusCode(201).body("version", equalTo(version)).body("status", equalTo("DRAFT"));
        }
        given().header("Authorization", bearer(HIOW_EDITOR)).header("Idempotency-Key", draftKey)
                .contentType(ContentType.JSON).body(Map.of("version", "2." + MINOR.incrementAndGet() + ".0"))
                .when().post("/api/v1/toolkits/HIOW/editions")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("Idempotency-Key"));

        String publicationKey = "publish-" + UUID.randomUUID();
        for (int attempt = 0; attempt < 2; attempt++) {
            given().header("Authorization", bearer(HIOW_EDITOR)).header("Idempotency-Key", publicationKey)
                    .when().post("/api/v1/toolkits/HIOW/editions/{v}/publication", version)
                    .then().statusCode(200).body("version", equalTo(version)).body("status", equalTo("PUBLISHED"));
        }
        assertEquals(1, Rows.count(db, "select count(*) from toolkit_edition where family = 'HIOW' and version = ?", version));
        assertEquals(1, Rows.count(db, "select count(*) from outbox_event where type = 'toolkit.edition.published'"
                + " and subject = ?", "HIOW/" + version));
    }

    @Test
    void aPublishedEditionIsImmutable() {
        String current = currentVersion("HIOW");
        given().header("Authorization", bearer(HIOW_EDITOR)).contentType(ContentType.JSON)
                .body(contentOf(current))
                .when().put("/api/v1/toolkits/HIOW/editions/{v}/content", current)
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("open a new draft"));
    }

    @Test
    void anInvalidDraftIsNotPublishedAndNothingChanges() {
        String current = currentVersion("HIOW");
        String draft = openDraft();
        Map<String, Object> content = contentOf(draft);
        @SuppressWarnings("unchecked")
        var categories = (java.util.List<Map<String, Object>>) content.get("neglectCategories");
        categories.get(0).put("code", "NOT_HOWE");
        given().header("Authorization", bearer(HIOW_EDITOR)).contentType(ContentType.JSON).body(content)
                .when().put("/api/v1/toolkits/HIOW/editions/{v}/content", draft)
                .then().statusCode(200);

        given().header("Authorization", bearer(HIOW_EDITOR))
                .when().post("/api/v1/toolkits/HIOW/editions/{v}/publication", draft)
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("content.neglectCategories[0].code"));

        org.junit.jupiter.api.Assertions.assertEquals(current, currentVersion("HIOW"));
        given().header("Authorization", bearer(HIOW_EDITOR))
                .when().get("/api/v1/toolkits/HIOW/editions/{v}", draft)
                .then().statusCode(200).body("status", equalTo("DRAFT"));
        publishWithValidContent(draft, content);
    }

    @Test
    @SuppressWarnings("unchecked")
    void whoDecidesALevelNamesKnownAgenciesAndKeepsLevelFourWithChildrensServices() {
        String current = currentVersion("HIOW");
        String draft = openDraft();
        Map<String, Object> content = contentOf(draft);
        var hscp = (Map<String, Object>) ((Map<String, Object>) content.get("partnershipSettings")).get("HSCP");
        hscp.put("levelDecisions", Map.of("3", java.util.List.of("CHILDRENS_SERVICES", "EARLY_HELP_HUB")));
        given().header("Authorization", bearer(HIOW_EDITOR)).contentType(ContentType.JSON).body(content)
                .when().put("/api/v1/toolkits/HIOW/editions/{v}/content", draft)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(org.hamcrest.Matchers.containsString("levelDecisions")))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("EARLY_HELP_HUB")));

        hscp.put("levelDecisions", Map.of("3", java.util.List.of("CHILDRENS_SERVICES", "HEALTH"), "4", java.util.List.of("POLICE")));
        given().header("Authorization", bearer(HIOW_EDITOR)).contentType(ContentType.JSON).body(content)
                .when().put("/api/v1/toolkits/HIOW/editions/{v}/content", draft)
                .then().statusCode(200);
        given().header("Authorization", bearer(HIOW_EDITOR))
                .when().post("/api/v1/toolkits/HIOW/editions/{v}/publication", draft)
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("content.partnershipSettings.HSCP.levelDecisions.4"));
        org.junit.jupiter.api.Assertions.assertEquals(current, currentVersion("HIOW"));
        publishWithValidContent(draft, content);
    }

    @Test
    void editorsEditOnlyTheirOwnFamily() throws Exception {
        String requestId = UUID.randomUUID().toString();
        given().header("Authorization", bearer(HIOW_EDITOR)).header("X-Request-Id", requestId).contentType(ContentType.JSON)
                .body(Map.of("version", "9.0.0"))
                .when().post("/api/v1/toolkits/WS/editions")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("edits the HIOW toolkit"));
        assertEquals(1, Rows.count(db, "select count(*) from audit_entry where request_id = ?"
                + " and action = 'toolkit.edition.open' and outcome = 'DENIED'", requestId));
    }

    @Test
    void agenciesCannotEdit() {
        given().header("Authorization", bearer("hscp-childrens-services")).contentType(ContentType.JSON)
                .body(Map.of("version", "9.0.0"))
                .when().post("/api/v1/toolkits/HIOW/editions")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void noTokenIsUnauthorised() {
        given().when().get("/api/v1/toolkits/HIOW/editions/current")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
        given().header("Authorization", "Bearer not-a-jwt")
                .when().get("/api/v1/toolkits/HIOW/editions/current")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void draftsAreHiddenFromReaders() {
        String draft = openDraft();
        given().header("Authorization", bearer("hscp-health"))
                .when().get("/api/v1/toolkits/HIOW/editions/{v}", draft)
                .then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", bearer("hscp-health"))
                .when().get("/api/v1/toolkits/HIOW/editions")
                .then().statusCode(200).body("status", everyItem(not(equalTo("DRAFT"))));
        publishWithValidContent(draft, contentOf(draft));
    }

    @Test
    void unknownFamilyOrVersionIsNotFound() {
        given().header("Authorization", bearer("hscp-health"))
                .when().get("/api/v1/toolkits/NOPE/editions/current")
                .then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", bearer("hscp-health"))
                .when().get("/api/v1/toolkits/WS/editions/99.0.0")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void badDraftRequestsNameTheField() {
        given().header("Authorization", bearer(HIOW_EDITOR)).contentType(ContentType.JSON)
                .body("{\"version\": \"one\"}")
                .when().post("/api/v1/toolkits/HIOW/editions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("version"));
        given().header("Authorization", bearer(HIOW_EDITOR)).contentType(ContentType.JSON)
                .body("{\"version\": \"9.0.0\", \"surprise\": true}")
                .when().post("/api/v1/toolkits/HIOW/editions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("surprise"));
        given().header("Authorization", bearer(HIOW_EDITOR)).contentType(ContentType.JSON)
                .body("{\"version\": ")
                .when().post("/api/v1/toolkits/HIOW/editions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("not valid JSON"));
        given().header("Authorization", bearer(HIOW_EDITOR)).contentType(ContentType.JSON)
                .body(Map.of("version", "0.0.1"))
                .when().post("/api/v1/toolkits/HIOW/editions")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("version"));
    }

    /** Opens a draft of HIOW with a version above every existing one. */
    public static String openDraft() {
        String version = "2." + MINOR.incrementAndGet() + ".0";
        given().header("Authorization", bearer(HIOW_EDITOR)).contentType(ContentType.JSON)
                .body(Map.of("version", version))
                .when().post("/api/v1/toolkits/HIOW/editions")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/toolkits/HIOW/editions/" + version))
                .body("status", equalTo("DRAFT"));
        return version;
    }

    /** Publishes a draft after restoring valid content, so the next test can open its own. */
    private static void publishWithValidContent(String draft, Map<String, Object> content) {
        given().header("Authorization", bearer(HIOW_EDITOR)).contentType(ContentType.JSON)
                .body(contentOf(currentVersion("HIOW")))
                .when().put("/api/v1/toolkits/HIOW/editions/{v}/content", draft)
                .then().statusCode(200);
        given().header("Authorization", bearer(HIOW_EDITOR))
                .when().post("/api/v1/toolkits/HIOW/editions/{v}/publication", draft)
                .then().statusCode(200);
    }

    static String currentVersion(String family) {
        return given().header("Authorization", bearer("hscp-health"))
                .when().get("/api/v1/toolkits/{f}/editions/current", family)
                .then().statusCode(200).extract().path("version");
    }

    static Map<String, Object> contentOf(String version) {
        return given().header("Authorization", bearer(HIOW_EDITOR))
                .when().get("/api/v1/toolkits/HIOW/editions/{v}", version)
                .then().statusCode(200).extract().path("content");
    }
}
