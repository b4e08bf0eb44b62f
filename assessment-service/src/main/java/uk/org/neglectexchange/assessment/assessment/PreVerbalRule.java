package uk.org.neglectexchange.assessment.assessment;

import java.util.List;

import uk.org.neglectexchange.platform.problem.Problem.FieldError;

/**
 * PRE_VERBAL explains a missing voice only for a baby or a child under 5 (age band PRE_BIRTH or 0_4, as the child's
 * date of birth gives it on the day of completion): a child of 5 or more is heard, or another reason is recorded.
 */
public final class PreVerbalRule {

    private static final List<String> UNDER_FIVE = List.of("PRE_BIRTH", "0_4");

    private PreVerbalRule() {
    }

    public static List<FieldError> breaches(ChildsVoiceAbsentReason reason, String ageBand) {
        if (reason == ChildsVoiceAbsentReason.PRE_VERBAL && !UNDER_FIVE.contains(ageBand)) {
            return List.of(new FieldError("childsVoiceAbsentReason", "PRE_VERBAL applies only to a child under 5: "
                    + "a child of 5 or more is heard (childsVoice), or another reason is recorded"));
        }
        return List.of();
    }
}
