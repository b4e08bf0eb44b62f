package uk.org.neglectexchange.assessment.merge;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Children's services says that another record of its partnership is a duplicate of this child. */
public record NewMerge(
        @NotNull @Pattern(regexp = "CH-[A-Z2-9]{10}", message = "must be a childRef (CH- and 10 letters or digits)") String duplicateChildRef,
        @NotBlank @Size(max = 500, message = "must be at most 500 characters") String reason) {
}
