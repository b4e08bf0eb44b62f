package uk.org.neglectexchange.platform.negotiation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The representation the probe's report answers with, for the Accept headers the bad-input test sends. */
@QuarkusTest
class RepresentationTest {

    @Test
    void noPreferenceIsTheDefault() {
        given().when().get("/probe/report").then().statusCode(200).contentType(startsWith("application/json"));
        // an empty Accept was a 500 from RESTEasy's parser
        given().header("Accept", "").when().get("/probe/report").then().statusCode(200)
                .contentType(startsWith("application/json"));
        given().header("Accept", "*/*").when().get("/probe/report").then().statusCode(200)
                .contentType(startsWith("application/json"));
    }

    @Test
    void theFirstNamedTypeIsChosen() {
        given().header("Accept", "application/pdf").when().get("/probe/report").then().statusCode(200)
                .contentType("application/pdf");
        given().header("Accept", "text/csv, application/json").when().get("/probe/report").then().statusCode(200)
                .contentType(startsWith("text/csv"));
        given().header("Accept", "application/json, application/pdf").when().get("/probe/report").then().statusCode(200)
                .contentType(startsWith("application/json"));
    }

    @Test
    void anAcceptNoneSatisfiesIsA406Problem() {
        given().header("Accept", "image/png").when().get("/probe/report").then().statusCode(406)
                .contentType("application/problem+json");
    }
}
