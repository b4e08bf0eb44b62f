package uk.org.neglectexchange.assessment.toolkit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

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
        List<String> practiceApproaches,
        Map<String, PartnershipSettings> partnershipSettings) {

    public static final String TYPE = "toolkit.edition.published";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Level(int level, String code, String name) {
    }

    /**
     * What this service reads of a partnership's settings: which agencies decide which level (null when the edition
     * does not say), the D2 timescale and each agency's sharing levels (null when the edition does not say).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PartnershipSettings(Map<Integer, List<String>> levelDecisions, Drift drift,
            Map<String, AgencySharingLevels> sharingLevels) {
    }

    /** One agency's default sharing level and the levels it may choose, as text (SharingLevelRule reads them). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AgencySharingLevels(String defaultLevel, List<String> allowed) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Drift(Integer assessmentWorkingDays) {
    }

    /** An indicator code observations may be graded against, for one area and one age band. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Indicator(String code, String area, String ageBand) {
    }
}
