package uk.org.neglectexchange.escalation.escalation;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static uk.org.neglectexchange.escalation.escalation.EscalationRequests.act;
import static uk.org.neglectexchange.escalation.escalation.EscalationRequests.disagreement;
import static uk.org.neglectexchange.escalation.escalation.EscalationRequests.newChildRef;
import static uk.org.neglectexchange.escalation.escalation.EscalationRequests.raise;
import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.bearer;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import uk.org.neglectexchange.escalation.support.KnownProcedures;

/** D8: a stage past its deadline raises one drift alert for the child; the escalation's resolution clears it. */
@QuarkusTest
class EscalationDriftAlertTest {

    @Inject
    EscalationDeadlineJob job;

    @BeforeEach
    void proceduresKnown() throws Exception {
        KnownProcedures.ensure();
    }

    @Test
    void anOverdueStageRaisesOneAlertThatTheResolutionClears() {
        String childRef = newChildRef();
        var raised = raise("hscp-childrens-services", disagreement(childRef, "HEALTH")).statusCode(201).extract();
        String id = raised.path("id");
        LocalDate dayAfterDeadline = LocalDate.parse(raised.<String>path("deadline")).plusDays(1);
        d8(childRef).body("items", hasSize(0));

        job.check(dayAfterDeadline);
        job.check(dayAfterDeadline);
        // the child's drift is evaluated a moment after the breach (DueEvaluations)
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> d8(childRef).body("items", hasSize(1))
                .body("items[0].status", equalTo("OPEN"))
                .body("items[0].severity", equalTo("AMBER"))
                .body("items[0].partnership", equalTo("HSCP"))
                .body("items[0].evidence[0].kind", equalTo("ESCALATION_OVERDUE"))
                .body("items[0].evidence[0].on", equalTo(dayAfterDeadline.toString())));

        act("hscp-health", id, 2, Map.of("action", "resolve", "outcome", "agreed", "resolvedBy", "team manager"))
                .statusCode(200);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> d8(childRef).body("items", hasSize(1)).body("items[0].status", equalTo("CLEARED")));
    }

    private static ValidatableResponse d8(String childRef) {
        return given().header("Authorization", bearer("hscp-childrens-services"))
                .queryParam("childRef", childRef).queryParam("rule", "D8")
                .when().get("/api/v1/drift-alerts").then().statusCode(200);
    }
}
