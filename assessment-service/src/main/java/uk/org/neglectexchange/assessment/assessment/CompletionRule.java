package uk.org.neglectexchange.assessment.assessment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import uk.org.neglectexchange.assessment.toolkit.EditionPublished;
import uk.org.neglectexchange.assessment.toolkit.ToolkitEdition;
import uk.org.neglectexchange.platform.problem.Problem.FieldError;

/**
 * An assessment completes only with: at least one agency's contribution; a primary Howe category of its edition
 * (others optional, distinct); a threshold level of its edition with the rationale; at least one strength; and the
 * child's voice or the recorded reason it is absent, exactly one of them (UNBORN only for an unborn baby; a child
 * not seen needs the reason written down).
 */
public final class CompletionRule {

    private CompletionRule() {
    }

    public static List<FieldError> breaches(NewCompletion completion, ToolkitEdition edition, String ageBand, int contributions) {
        List<FieldError> errors = new ArrayList<>();
        if (contributions == 0) {
            errors.add(new FieldError("contributions", "at least one agency must contribute before the assessment completes"));
        }
        categoryBreaches(completion, edition, errors);
        if (completion.thresholdLevel() == null) {
            errors.add(new FieldError("thresholdLevel", "is required: the level of need decided, 1 to 4"));
        } else if (edition.thresholdLevels.stream().map(EditionPublished.Level::level).noneMatch(completion.thresholdLevel()::equals)) {
            errors.add(new FieldError("thresholdLevel", "must be one of the edition's levels, 1 to 4"));
        }
        if (blank(completion.rationale())) {
            errors.add(new FieldError("rationale", "is required: why this level"));
        }
        if (completion.strengths() == null || completion.strengths().isEmpty()) {
            errors.add(new FieldError("strengths", "is required: at least one strength of the child or family"));
        } else {
            errors.addAll(TextItems.breaches("strengths", completion.strengths()));
        }
        childsVoiceBreaches(completion, ageBand, errors);
        return errors;
    }

    private static void categoryBreaches(NewCompletion completion, ToolkitEdition edition, List<FieldError> errors) {
        if (blank(completion.primaryCategory())) {
            errors.add(new FieldError("primaryCategory", "is required: one of Howe's four categories"));
        } else if (!edition.neglectCategories.contains(completion.primaryCategory())) {
            errors.add(new FieldError("primaryCategory", "must be one of " + edition.neglectCategories));
        }
        Set<String> seen = new HashSet<>();
        List<String> others = completion.otherCategoriesOrNone();
        for (int i = 0; i < others.size(); i++) {
            String other = others.get(i);
            String field = "otherCategories[" + i + "]";
            if (other == null || !edition.neglectCategories.contains(other)) {
                errors.add(new FieldError(field, "must be one of " + edition.neglectCategories));
            } else if (other.equals(completion.primaryCategory()) || !seen.add(other)) {
                errors.add(new FieldError(field, "repeats a category already named"));
            }
        }
    }

    private static void childsVoiceBreaches(NewCompletion completion, String ageBand, List<FieldError> errors) {
        boolean voice = !blank(completion.childsVoice());
        ChildsVoiceAbsentReason absent = completion.childsVoiceAbsentReason();
        if (voice == (absent != null)) {
            errors.add(new FieldError("childsVoice", voice
                    ? "give childsVoice or childsVoiceAbsentReason, not both"
                    : "is required: the child's voice and lived experience, or childsVoiceAbsentReason"));
        } else if (absent == ChildsVoiceAbsentReason.UNBORN && !"PRE_BIRTH".equals(ageBand)) {
            errors.add(new FieldError("childsVoiceAbsentReason", "UNBORN applies only to an unborn baby"));
        } else if (absent == ChildsVoiceAbsentReason.NOT_SEEN_WITH_REASON && blank(completion.childsVoiceAbsentDetail())) {
            errors.add(new FieldError("childsVoiceAbsentDetail", "is required: why the child was not seen"));
        }
        if (absent == null && !blank(completion.childsVoiceAbsentDetail())) {
            errors.add(new FieldError("childsVoiceAbsentDetail", "goes with childsVoiceAbsentReason"));
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
