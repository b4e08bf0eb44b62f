package uk.org.neglectexchange.assessment.support;

import static io.restassured.RestAssured.given;
import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.bearer;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.restassured.http.ContentType;
import uk.org.neglectexchange.platform.testsupport.TestNhsNumbers;

/** Synthetic children: NHS numbers from the 999 test range (with a correct check digit) and made-up names. */
public final class TestChildren {

    private TestChildren() {
    }

    public static String testNhsNumber() {
        return TestNhsNumbers.random();
    }

    public static Map<String, Object> child(String nhsNumber, String givenName, String familyName, LocalDate dateOfBirth) {
        Map<String, Object> child = new HashMap<>();
        if (nhsNumber != null) {
            child.put("nhsNumber", nhsNumber);
        }
        child.put("givenName", givenName);
        child.put("familyName", familyName);
        child.put("dateOfBirth", dateOfBirth.toString());
        return child;
    }

    public static String uniqueFamilyName() {
        String letters = "abcdefghijklmnopqrstuvwxyz";
        StringBuilder name = new StringBuilder("Test");
        for (int i = 0; i < 8; i++) {
            name.append(letters.charAt(ThreadLocalRandom.current().nextInt(letters.length())));
        }
        return name.toString();
    }

    /** Registers a new child as the given client and returns its childRef. */
    public static String register(String clientId) {
        return given().header("Authorization", bearer(clientId)).header("X-Practitioner-Id", "practitioner-1")
                .contentType(ContentType.JSON)
                .body(child(testNhsNumber(), "Sam", uniqueFamilyName(), LocalDate.now().minusYears(3)))
                .when().post("/api/v1/children")
                .then().statusCode(201).extract().path("childRef");
    }
}
