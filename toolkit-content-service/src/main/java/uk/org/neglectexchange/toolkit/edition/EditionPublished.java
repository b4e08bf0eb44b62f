package uk.org.neglectexchange.toolkit.edition;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Data of the {@code toolkit.edition.published} event (docs/events/toolkit.edition.published.json): the codes and
 * settings the other services take from the published edition instead of hard-coding them.
 */
public record EditionPublished(
        String family,
        String version,
        List<String> partnerships,
        OffsetDateTime publishedAt,
        LocalDate reviewDueOn,
        List<Level> thresholdLevels,
        List<String> neglectCategories,
        List<IndicatorCode> indicators,
        List<String> practiceApproaches,
        Map<String, EditionContent.PartnershipSettings> partnershipSettings) {

    public static final String TYPE = "toolkit.edition.published";

    public record Level(int level, String code, String name) {
    }

    /** An indicator observations may be graded against, for children of its age band. */
    public record IndicatorCode(String code, String area, EditionContent.AgeBand ageBand) {
    }

    static EditionPublished of(Edition edition, EditionContent content) {
        return new EditionPublished(edition.family.name(), edition.version, edition.family.partnerships(),
                edition.publishedAt, edition.reviewDueOn,
                content.thresholdLevels().stream().map(l -> new Level(l.level(), l.code(), l.name())).toList(),
                content.neglectCategories().stream().map(EditionContent.NeglectCategory::code).toList(),
                content.indicatorAreas().stream().flatMap(area -> area.indicators().stream()
                        .map(i -> new IndicatorCode(i.code(), area.code(), i.ageBand()))).toList(),
                content.practiceApproaches().stream().map(EditionContent.PracticeApproach::code).toList(),
                content.partnershipSettings());
    }
}
