package uk.org.neglectexchange.assessment.assessment;

import java.util.Optional;
import java.util.UUID;

import uk.org.neglectexchange.platform.problem.ProblemException;

/**
 * A child has at most one open assessment (a first version or an amendment): agencies add to the open one rather
 * than start again beside it. A second is a 409 naming the open one. Checked under the child's row lock
 * ({@code AssessmentService}); the partial unique index {@code assessment_one_open_per_child} (V22) holds it whatever
 * path writes.
 */
public final class OneOpenAssessmentRule {

    private OneOpenAssessmentRule() {
    }

    public static void refuseIfOpen(Optional<UUID> openAssessmentId) {
        openAssessmentId.ifPresent(open -> {
            throw ProblemException.conflict("Assessment " + open + " is open for this child: one open assessment per child."
                    + " Contribute to it (POST /api/v1/assessments/" + open + "/contributions) or complete it first");
        });
    }
}
