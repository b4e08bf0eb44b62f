package uk.org.neglectexchange.toolkit.edition;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An edition as clients read it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EditionView(
        String family,
        String version,
        EditionStatus status,
        OffsetDateTime createdAt,
        OffsetDateTime publishedAt,
        LocalDate reviewDueOn,
        OffsetDateTime supersededAt,
        EditionContent content) {
}
