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
        List<String> neglectCategories,
        List<Indicator> indicators,
        List<String> practiceApproaches) {

    public static final String TYPE = "toolkit.edition.published";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Level(int level, String code, String name) {
    }

    /** An indicator code observations may be graded against, for one area and one age band. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Indicator(String code, String area, String ageBand) {
    }
}
