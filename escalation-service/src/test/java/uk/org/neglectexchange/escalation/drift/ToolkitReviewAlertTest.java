package uk.org.neglectexchange.escalation.drift;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.org.neglectexchange.platform.testsupport.KeycloakTokens.bearer;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
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

    @Inject
    EntityManager em;

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

    /** Two replicas evaluating at the same moment (two toolkit events on two partitions, or two daily scans). */
    @Test
    void evaluationsAtOnceOnTwoReplicasRaiseEachAlertOnceAndClearItOnce() throws Exception {
        LocalDate today = LocalDate.now(clock);
        LocalDate overdue = today.plusMonths(12).plusDays(2);
        partnerships.evaluate(today);
        long alertsBefore = d9Alerts("true");
        int rounds = 5;
        for (int round = 0; round < rounds; round++) {
            atOnceOnTwoReplicas(() -> partnerships.evaluate(overdue));
            atOnceOnTwoReplicas(() -> partnerships.evaluate(today));
        }
        assertTrue(d9Alerts("true") - alertsBefore >= rounds, "every round raised a D9 alert (HSCP's at least)");
        assertEquals(d9Alerts("true"), d9Events("drift.detected"), "one drift.detected per D9 alert");
        assertEquals(d9Alerts("status = 'CLEARED'"), d9Events("drift.cleared"), "one drift.cleared per cleared D9 alert");
        d9().body("items", hasSize(0));
    }

    /** Runs the evaluation on two threads released together; fails with either one's exception. */
    private static void atOnceOnTwoReplicas(Runnable evaluation) throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            Callable<Object> replica = () -> {
                together.await();
                evaluation.run();
                return null;
            };
            for (Future<Object> run : replicas.invokeAll(List.of(replica, replica))) {
                run.get(30, TimeUnit.SECONDS);
            }
        } finally {
            replicas.shutdownNow();
        }
    }

    private long d9Events(String type) {
        return count("select count(*) from outbox_event where type = '" + type + "' and data->>'rule' = 'D9'");
    }

    private long d9Alerts(String condition) {
        return count("select count(*) from drift_alert where rule = 'D9' and " + condition);
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }

    private static ValidatableResponse d9() {
        return given().header("Authorization", bearer("hscp-health")).queryParam("rule", "D9").queryParam("status", "OPEN")
                .when().get("/api/v1/drift-alerts").then().statusCode(200);
    }
}
