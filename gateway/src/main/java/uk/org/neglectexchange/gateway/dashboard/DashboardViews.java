package uk.org.neglectexchange.gateway.dashboard;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** The dashboard's JSON bodies: counts, codes and dates of one partnership, never a childRef or free text. */
public final class DashboardViews {

    private DashboardViews() {
    }

    public record Overview(String partnership, OffsetDateTime asOf, Map<String, Long> childrenByCategory,
            Map<String, Long> childrenByLevel, DriftAlerts driftAlerts, Escalations escalations, ToolkitReview toolkitReview,
            Map<String, Long> contributionsByAgency) {
    }

    public record Counts(String partnership, OffsetDateTime asOf, Map<String, Long> counts) {
    }

    public record LevelChanges(String partnership, String interval, LocalDate from, LocalDate to, List<Bucket> buckets) {
    }

    public record Bucket(LocalDate start, long up, long down) {
    }

    public record DriftAlerts(String partnership, OffsetDateTime asOf, long open, Map<String, Long> byRule,
            Map<String, Long> byAge) {
    }

    public record Escalations(String partnership, OffsetDateTime asOf, long open, Map<String, Long> byStage, long overdue) {
    }

    public record ToolkitReview(String partnership, String family, String version, OffsetDateTime publishedAt,
            LocalDate reviewDueOn, String status) {
    }

    /** counts: completed assessments (latest version) each agency contributed to; chronologyEntries: entries each recorded. */
    public record Contributions(String partnership, OffsetDateTime asOf, Map<String, Long> counts,
            Map<String, Long> chronologyEntries) {
    }
}
