package uk.org.neglectexchange.toolkit.edition;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
        Map<String, EditionContent.PartnershipSettings> partnershipSettings,
        AlertApproaches alertApproaches) {

    public static final String TYPE = "toolkit.edition.published";

    public record Level(int level, String code, String name) {
    }

    /** An indicator observations may be graded against, for children of its age band. */
    public record IndicatorCode(String code, String area, EditionContent.AgeBand ageBand) {
    }

    /**
     * The approach each drift rule and the escalation serve, resolved for the consumers: code, name and a link to
     * the guidance (the gateway's path to it in this edition). Null when the edition maps none.
     */
    public record AlertApproaches(Map<String, Approach> driftRules, Approach escalation) {
    }

    public record Approach(String code, String name, String guidanceLink) {
    }

    static EditionPublished of(Edition edition, EditionContent content) {
        return new EditionPublished(edition.family.name(), edition.version, edition.family.partnerships(),
                edition.publishedAt, edition.reviewDueOn,
                content.thresholdLevels().stream().map(l -> new Level(l.level(), l.code(), l.name())).toList(),
                content.neglectCategories().stream().map(EditionContent.NeglectCategory::code).toList(),
                content.indicatorAreas().stream().flatMap(area -> area.indicators().stream()
                        .map(i -> new IndicatorCode(i.code(), area.code(), i.ageBand()))).toList(),
                content.practiceApproaches().stream().map(EditionContent.PracticeApproach::code).toList(),
                content.partnershipSettings(), alertApproaches(edition, content));
    }

    private static AlertApproaches alertApproaches(Edition edition, EditionContent content) {
        EditionContent.AlertApproaches mapping = content.alertApproaches();
        if (mapping == null) {
            return null;
        }
        Map<String, Approach> rules = new TreeMap<>();
        mapping.driftRules().forEach((rule, link) -> rules.put(rule, approach(edition, content, link)));
        return new AlertApproaches(rules, mapping.escalation() == null ? null : approach(edition, content, mapping.escalation()));
    }

    private static Approach approach(Edition edition, EditionContent content, EditionContent.ApproachLink link) {
        String name = content.practiceApproaches().stream().filter(a -> a.code().equals(link.approach()))
                .map(EditionContent.PracticeApproach::name).findFirst().orElseThrow();
        String guidance = link.guidance() == null ? null
                : "/api/v1/toolkits/" + edition.family.name() + "/editions/" + edition.version + "/guidance/" + link.guidance();
        return new Approach(link.approach(), name, guidance);
    }
}
