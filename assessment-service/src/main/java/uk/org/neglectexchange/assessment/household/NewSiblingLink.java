package uk.org.neglectexchange.assessment.household;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Links a child to a brother or sister (born or unborn) of the same partnership. */
public record NewSiblingLink(@NotBlank @Size(max = 20) String relatedChildRef, @NotNull SiblingRelationship relationship) {
}
