package uk.org.neglectexchange.assessment.assessment;

import java.util.List;

import jakarta.validation.constraints.Size;

/**
 * The decision that completes an assessment: a primary Howe category (and any others), a threshold level with its
 * rationale, the strengths found, and the child's voice or the recorded reason it is absent; why it is late, when it is
 * (D2).
 */
public record NewCompletion(
        @Size(max = 40) String primaryCategory,
        @Size(max = 3) List<@Size(max = 40) String> otherCategories,
        Integer thresholdLevel,
        @Size(max = 2000) String rationale,
        @Size(max = 50) List<String> strengths,
        @Size(max = 2000) String childsVoice,
        ChildsVoiceAbsentReason childsVoiceAbsentReason,
        @Size(max = 1000) String childsVoiceAbsentDetail,
        @Size(max = 2000) String overrunReason) {

    public List<String> otherCategoriesOrNone() {
        return otherCategories == null ? List.of() : otherCategories;
    }
}
