package uk.org.neglectexchange.escalation.escalation;

import java.util.List;

import uk.org.neglectexchange.platform.problem.Problem.FieldError;
import uk.org.neglectexchange.platform.problem.ProblemException;

/**
 * An action names the stage it acts on: {@code expectedStage} in its body, or {@code If-Match} with the escalation's
 * {@code ETag}. An action sent again after its first answer was lost, or crossing another party's, then never acts on
 * a stage its sender has not seen (a retried escalate would otherwise move the escalation two stages). A stale one is
 * a 409 ({@code expectedStage}) or a 412 ({@code If-Match}) naming the stage the escalation is at; neither is a 428.
 */
public final class StagePrecondition {

    public static final String IF_MATCH = "If-Match";

    private StagePrecondition() {
    }

    /** The escalation's entity tag: the stage it is at, and whether it is resolved (what an action depends on). */
    public static String etag(int stage, EscalationStatus status) {
        return "\"stage-" + stage + (status == EscalationStatus.RESOLVED ? "-resolved" : "") + "\"";
    }

    public static void require(int stage, EscalationStatus status, Integer expectedStage, String ifMatch) {
        if (expectedStage == null && ifMatch == null) {
            throw new ProblemException(428, "Precondition Required", "An action names the stage it acts on: send"
                    + " expectedStage, or If-Match with the escalation's ETag",
                    List.of(new FieldError("expectedStage", "is required unless If-Match names the escalation's ETag")));
        }
        String current = etag(stage, status);
        if (ifMatch != null && !matches(ifMatch, current)) {
            throw new ProblemException(412, "Precondition Failed", "The escalation is at stage " + stage + " now (ETag "
                    + current + "): read it again and act on the stage it is at",
                    List.of(new FieldError(IF_MATCH, "must be the escalation's current ETag")));
        }
        if (expectedStage != null && expectedStage != stage) {
            throw new ProblemException(409, "Conflict", "The escalation is at stage " + stage + " now: read it again"
                    + " and act on the stage it is at",
                    List.of(new FieldError("expectedStage", "must be the stage the escalation is at")));
        }
    }

    /** A list of tags or {@code *}; a weak tag never matches, as If-Match compares strongly (RFC 9110 13.1.1). */
    private static boolean matches(String ifMatch, String current) {
        for (String tag : ifMatch.split(",")) {
            String t = tag.strip();
            if (t.equals("*") || t.equals(current)) {
                return true;
            }
        }
        return false;
    }
}
