package uk.org.neglectexchange.toolkit.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import uk.org.neglectexchange.toolkit.edition.Edition;
import uk.org.neglectexchange.toolkit.edition.EditionContent;
import uk.org.neglectexchange.toolkit.edition.EditionContent.AgeBand;

/**
 * The charts every edition offers: the thresholds chart, Howe's categories, and one indicator chart per age band
 * ({@code indicators-0_4}...). Charts are built from the content, so they can never disagree with the API.
 */
public final class Charts {

    public static final String THRESHOLDS = "thresholds";
    public static final String CATEGORIES = "categories";
    private static final String INDICATORS = "indicators-";

    private Charts() {
    }

    public static List<String> codes() {
        return Stream.concat(Stream.of(THRESHOLDS, CATEGORIES),
                Stream.of(AgeBand.values()).map(band -> INDICATORS + band.code())).toList();
    }

    public static Optional<Chart> of(String code, Edition edition, EditionContent content) {
        if (THRESHOLDS.equals(code)) {
            return Optional.of(chart(code, content.title() + ": thresholds chart", edition, List.of(new Chart.Section(
                    "Levels of need", List.of("Level", "Code", "Name", "Descriptor"),
                    content.thresholdLevels().stream().map(l -> List.of(String.valueOf(l.level()), l.code(), l.name(),
                            text(l.descriptor()))).toList())), null));
        }
        if (CATEGORIES.equals(code)) {
            return Optional.of(chart(code, content.title() + ": Howe's four categories of neglect", edition,
                    List.of(new Chart.Section("Categories", List.of("Code", "Category", "What it looks like"),
                            content.neglectCategories().stream().map(c -> List.of(c.code(), c.name(), text(c.descriptor())))
                                    .toList())), null));
        }
        if (code.startsWith(INDICATORS)) {
            AgeBand band;
            try {
                band = AgeBand.fromCode(code.substring(INDICATORS.length()));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            return Optional.of(indicatorChart(code, band, edition, content));
        }
        return Optional.empty();
    }

    private static Chart indicatorChart(String code, AgeBand band, Edition edition, EditionContent content) {
        List<String> columns = new ArrayList<>(List.of("Code", "Indicator"));
        IntStream.rangeClosed(1, 5).forEach(g -> columns.add("Grade " + g));
        List<Chart.Section> sections = content.indicatorAreas().stream()
                .map(area -> new Chart.Section(area.name(), columns, area.indicators().stream()
                        .filter(i -> i.ageBand() == band)
                        .map(i -> {
                            List<String> row = new ArrayList<>(List.of(i.code(), i.name()));
                            IntStream.rangeClosed(1, 5).forEach(g -> row.add(i.grades().get(g)));
                            return row;
                        }).toList()))
                .filter(section -> !section.rows().isEmpty()).toList();
        boolean placeholders = content.indicatorAreas().stream().flatMap(a -> a.indicators().stream())
                .anyMatch(i -> i.ageBand() == band && i.placeholder());
        return chart(code, content.title() + ": indicator chart, age band " + band.code(), edition, sections,
                "Grade 1: all needs met, the child comes first. Grade 5: needs unmet or met with hostility, the child is "
                        + "not considered. There is no total score: read the profile per area."
                        + (placeholders ? " The wording is a placeholder for the partnership's official chart." : ""));
    }

    private static Chart chart(String code, String title, Edition edition, List<Chart.Section> sections, String note) {
        return new Chart(code, title, edition.family.name(), edition.version, edition.status.name(), edition.reviewDueOn,
                sections, note);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
