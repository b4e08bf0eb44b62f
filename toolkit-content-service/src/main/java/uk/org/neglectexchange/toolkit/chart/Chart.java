package uk.org.neglectexchange.toolkit.chart;

import java.time.LocalDate;
import java.util.List;

/**
 * A printable chart of one edition as tables: the same model is served as JSON and rendered to HTML and PDF.
 */
public record Chart(
        String code,
        String title,
        String family,
        String version,
        String editionStatus,
        LocalDate reviewDueOn,
        List<Section> sections,
        String note) {

    public record Section(String title, List<String> columns, List<List<String>> rows) {
    }
}
