package uk.org.neglectexchange.toolkit.review;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.bearer;
import static uk.org.neglectexchange.platform.testsupport.events.TopicReader.header;

import java.io.InputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.function.Predicate;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import io.quarkus.test.junit.QuarkusTest;
import uk.org.neglectexchange.platform.testsupport.Rows;
import uk.org.neglectexchange.platform.testsupport.events.TopicReader;

/**
 * The job, run on chosen dates against the WS family's current edition (the other tests publish HIOW editions),
 * sends each notice once to the real toolkit-events topic, however often it runs, as its contract says.
 */
@QuarkusTest
class AnnualReviewJobTest {

    @Inject
    AnnualReviewJob job;

    @Inject
    DataSource db;

    @Test
    void aFortnightBeforeTheReviewDateTheReviewIsAnnouncedDueOnce() throws Exception {
        Current ws = currentWsEdition();
        JsonNode data = runTwiceAndReadTheOneNotice(ReviewNotice.DUE_TYPE, "DUE", ws, ws.reviewDueOn().minusWeeks(2));
        assertEquals(14, data.get("daysUntilDue").asInt());
    }

    @Test
    void thirteenMonthsAfterPublicationTheReviewIsAnnouncedOverdueOnce() throws Exception {
        Current ws = currentWsEdition();
        LocalDate thirteenMonthsOn = ws.reviewDueOn().plusMonths(1);
        JsonNode data = runTwiceAndReadTheOneNotice(ReviewNotice.OVERDUE_TYPE, "OVERDUE", ws, thirteenMonthsOn);
        assertEquals(-ChronoUnit.DAYS.between(ws.reviewDueOn(), thirteenMonthsOn),
                data.get("daysUntilDue").asLong());
    }

    private JsonNode runTwiceAndReadTheOneNotice(String type, String kind, Current ws, LocalDate today) throws Exception {
        try (TopicReader reader = TopicReader.outbox()) {
            String subject = "WS/" + ws.version();
            Predicate<ConsumerRecord<String, String>> notice = r -> type.equals(header(r, "ce_type"))
                    && subject.equals(header(r, "ce_subject"));

            assertTrue(job.check(today).stream().anyMatch(n -> n.family().equals("WS")), "first run sends WS a notice");
            assertTrue(job.check(today).stream().noneMatch(n -> n.family().equals("WS")), "second run sends WS none");

            ConsumerRecord<String, String> record = reader.await(notice, Duration.ofSeconds(15))
                    .orElseThrow(() -> new AssertionError("no " + type + " event for " + subject));
            assertTrue(reader.await(notice, Duration.ofSeconds(3)).isEmpty(), "a second " + type + " event for " + subject);
            assertEquals(1, noticeRows(ws.version(), kind));

            assertEquals("WS", record.key());
            assertEquals("1.0", header(record, "ce_specversion"));
            JsonNode data = new ObjectMapper().readTree(record.value());
            try (InputStream schema = getClass().getResourceAsStream("/events/" + type + ".json")) {
                var errors = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schema).validate(data);
                assertTrue(errors.isEmpty(), () -> "event breaks its schema: " + errors);
            }
            assertEquals(ws.version(), data.get("version").asText());
            assertEquals(ws.reviewDueOn().toString(), data.get("reviewDueOn").asText());
            assertEquals("WSSCP", data.at("/partnerships/0").asText());
            return data;
        }
    }

    private record Current(String version, LocalDate reviewDueOn) {
    }

    private static Current currentWsEdition() {
        var edition = given().header("Authorization", bearer("hscp-health"))
                .when().get("/api/v1/toolkits/WS/editions/current")
                .then().statusCode(200).extract().jsonPath();
        return new Current(edition.getString("version"), LocalDate.parse(edition.getString("reviewDueOn")));
    }

    private int noticeRows(String version, String kind) throws Exception {
        return (int) Rows.count(db, "select count(*) from toolkit_review_notice n"
                + " join toolkit_edition e on e.id = n.edition_id where e.family = 'WS' and e.version = ? and n.kind = ?",
                version, kind);
    }
}
