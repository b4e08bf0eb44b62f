package uk.org.neglectexchange.toolkit.edition;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Opens a draft edition as a copy of the family's current published edition. */
public record NewDraft(
        @NotNull @Pattern(regexp = SemanticVersion.PATTERN, message = "must be a semantic version MAJOR.MINOR.PATCH") String version) {
}
