package uk.org.neglectexchange.assessment.correlation;

import static io.restassured.RestAssured.given;
import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.bearer;

import java.time.Duration;
import java.time.LocalDate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import uk.org.neglectexchange.assessment.support.TestChildren;
import uk.org.neglectexchange.platform.testsupport.RequestCorrelation;
import uk.org.neglectexchange.platform.testsupport.events.TopicReader;

/**
 * The request id and trace of a registration travel on child.registered, as CloudEvents extensions (that a request
 * without a usable id of its own gets a new one, which its events carry, the platform's EventCorrelationTest shows).
 */
@QuarkusTest
class EventCorrelationTest {

    @Test
    void eventCarriesTheRequestIdAndTraceOfTheRequestThatCausedIt() {
        RequestCorrelation correlation = RequestCorrelation.fresh("agency-ref-");
        try (TopicReader reader = TopicReader.outbox()) {
            String childRef = correlation.on(given()).header("Authorization", bearer("hscp-health"))
                    .header("X-Practitioner-Id", "hv-1").contentType(ContentType.JSON)
                    .body(TestChildren.child(TestChildren.testNhsNumber(), "Ada", TestChildren.uniqueFamilyName(),
                            LocalDate.now().minusYears(2)))
                    .when().post("/api/v1/children").then().statusCode(201)
                    .header("X-Request-Id", correlation.requestId())
                    .extract().path("childRef");

            ConsumerRecord<String, String> registered = reader.awaitEvent("child.registered", childRef, Duration.ofSeconds(15));
            // same trace; the parent is this service's span for the request, not the caller's
            correlation.assertCarriedBy(registered);
            // the record's own trace header (the producer's span) continues the same trace
            correlation.assertProducedInTheTrace(registered);
        }
    }
}
