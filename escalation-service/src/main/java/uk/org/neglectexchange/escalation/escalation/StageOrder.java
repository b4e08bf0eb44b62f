package uk.org.neglectexchange.escalation.escalation;

import uk.org.neglectexchange.platform.problem.ProblemException;

/**
 * Stages 1 to 4 go in order. Starting above stage 1 skips stages, which needs an urgency reason (the child is at
 * immediate risk); stage 4, the partnership, is the last.
 */
public final class StageOrder {

    public static final int FIRST = 1;
    public static final int LAST = 4;

    private StageOrder() {
    }

    public static int startStage(Integer requested, String urgencyReason) {
        int stage = requested == null ? FIRST : requested;
        if (stage > FIRST && (urgencyReason == null || urgencyReason.isBlank())) {
            throw ProblemException.unprocessable("urgencyReason", "Starting at stage " + stage
                    + " skips stages: record the urgency reason (the child is at immediate risk)");
        }
        return stage;
    }

    public static int next(int stage) {
        if (stage >= LAST) {
            throw ProblemException.conflict("Stage " + LAST + " (the safeguarding partnership) is the last stage:"
                    + " resolve the escalation there");
        }
        return stage + 1;
    }
}
