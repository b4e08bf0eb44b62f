package uk.org.neglectexchange.escalation.drift;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static uk.org.neglectexchange.escalation.support.KeycloakTokens.bearer;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import uk.org.neglectexchange.escalation.support.KnownProcedures;

/** D9: a partnership's edition past its review date (12 months after publication) raises one alert with no child. */
@QuarkusTest
class ToolkitReviewAlertTest {

    @Inject
    PartnershipDrift partnerships;

    @Inject
    Clock clock;

    @BeforeEach
    void proceduresKnown() throws Exception {
        KnownProcedures.ensure();
    }

    @Test
    void anEditionPastItsReviewDateRaisesOneAlertPerPartnershipThatClearsWhenItIsNot() {
        LocalDate today = LocalDate.now(clock);
        partnerships.evaluate(today.plusMonths(12).plusDays(2));
        partnerships.evaluate(today.plusMonths(12).plusDays(2));
        d9().body("items", hasSize(1))
                .body("items[0].childRef", nullValue())
                .body("items[0].evidence[0].kind", equalTo("TOOLKIT_EDITION_PUBLISHED"));

        partnerships.evaluate(today);
        d9().body("items", hasSize(0));
        given().header("Authorization", bearer("hscp-health")).queryParam("rule", "D9")
                .when().get("/api/v1/drift-alerts").then().statusCode(200)
                .body("items.partnership", everyItem(equalTo("HSCP")));
    }

    private static ValidatableResponse d9() {
        return given().header("Authorization", bearer("hscp-health")).queryParam("rule", "D9").queryParam("status", "OPEN")
                .when().get("/api/v1/drift-alerts").then().statusCode(200);
    }
}
