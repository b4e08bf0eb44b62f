package uk.org.neglectexchange.assessment.toolkit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What this service reads of a {@code toolkit.edition.published} event: the codes it validates against. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EditionPublished(
        String family,
        String version,
        List<String> partnerships,
        OffsetDateTime publishedAt,
        LocalDate reviewDueOn,
        List<Level> thresholdLevels,
        List<String> neglectCategories) {

    public static final String TYPE = "toolkit.edition.published";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Level(int level, String code, String name) {
    }
}
