package uk.org.neglectexchange.toolkit.chart;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.bearer;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ChartResourceTest {

    private static final String READER = "wsscp-police";

    @Test
    void theIndicatorChartIsARealPdfWithItsTitleAndCodes() throws Exception {
        byte[] pdf = given().header("Authorization", bearer(READER)).header("Accept", "application/pdf")
                .when().get("/api/v1/toolkits/WS/editions/1.0.0/charts/indicators-0_4")
                .then().statusCode(200).contentType("application/pdf")
                .header("Content-Disposition", containsString("WS-1.0.0-indicators-0_4.pdf"))
                .extract().asByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            // codes may wrap inside a table cell: compare without whitespace
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
            assertTrue(text.contains("WestSussexneglecttoolkit:indicatorchart,ageband0_4"), text);
            assertTrue(text.contains("WS.PHYSICAL_CARE.NUTRITION.0_4"), text);
            assertTrue(text.contains("WS.DEVELOPMENTAL_CARE.APPROVAL.0_4"), text);
            assertTrue(text.contains("EditionWS1.0.0"), "footer names the edition");
        }
    }

    @Test
    void theThresholdsChartPrintsAsHtmlWithEditionAndReviewDateInTheFooter() {
        String reviewDueOn = given().header("Authorization", bearer(READER))
                .when().get("/api/v1/toolkits/WS/editions/1.0.0").then().extract().path("reviewDueOn");
        given().header("Authorization", bearer(READER)).queryParam("format", "html")
                .when().get("/api/v1/toolkits/WS/editions/1.0.0/charts/thresholds")
                .then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("@page"))
                .body(containsString("<footer>"))
                .body(containsString("Edition WS 1.0.0"))
                .body(containsString("review due " + reviewDueOn))
                .body(containsString("WS-L4"));
    }

    @Test
    void everyChartIsListedAndServedAsJson() {
        given().header("Authorization", bearer(READER))
                .when().get("/api/v1/toolkits/WS/editions/current/charts")
                .then().statusCode(200).body("$", hasItem("indicators-PRE_BIRTH"));
        given().header("Authorization", bearer(READER))
                .when().get("/api/v1/toolkits/WS/editions/current/charts/categories")
                .then().statusCode(200)
                .body("code", equalTo("categories"))
                .body("sections[0].rows.collect { it[0] }", hasItem("SEVERE_DEPRIVATION"));
    }

    @Test
    void anUnknownChartOrFormatIsAProblem() {
        given().header("Authorization", bearer(READER))
                .when().get("/api/v1/toolkits/WS/editions/9.9.9/charts")
                .then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", bearer(READER))
                .when().get("/api/v1/toolkits/WS/editions/current/charts/indicators-99")
                .then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", bearer(READER)).queryParam("format", "docx")
                .when().get("/api/v1/toolkits/WS/editions/current/charts/thresholds")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("format"));
    }
}
