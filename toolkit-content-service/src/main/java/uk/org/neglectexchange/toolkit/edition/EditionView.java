package uk.org.neglectexchange.toolkit.edition;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

import uk.org.neglectexchange.toolkit.review.ReviewStatus;

/** An edition as clients read it; {@code reviewStatus} only for the published edition. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EditionView(
        String family,
        String version,
        EditionStatus status,
        OffsetDateTime createdAt,
        OffsetDateTime publishedAt,
        LocalDate reviewDueOn,
        ReviewStatus reviewStatus,
        OffsetDateTime supersededAt,
        EditionContent content) {
}
