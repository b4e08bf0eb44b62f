package uk.org.neglectexchange.escalation.support;

import java.time.Duration;

import javax.sql.DataSource;

import org.awaitility.Awaitility;

import uk.org.neglectexchange.platform.testsupport.Rows;

/**
 * Waits until every change to the child's case has been evaluated (no mark of it left in drift_evaluation_due), so a
 * test that then scans on a day of its choosing is not followed by the event's own evaluation on today's date.
 */
public final class DriftEvaluated {

    private DriftEvaluated() {
    }

    public static void await(DataSource db, String childRef) {
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> Rows.count(db, "select count(*) from drift_evaluation_due where child_ref = ?", childRef) == 0);
    }
}
