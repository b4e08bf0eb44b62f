package uk.org.neglectexchange.gateway.dashboard;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The dashboard's JSON bodies: counts, codes and dates of one partnership, never a childRef or free text. Schema
 * names carry a Dashboard prefix so they cannot clash with a service's in the combined OpenAPI document.
 */
public final class DashboardViews {

    private DashboardViews() {
    }

    @Schema(name = "DashboardOverview")
    public record Overview(String partnership, OffsetDateTime asOf, Map<String, Long> childrenByCategory,
            Map<String, Long> childrenByLevel, DriftAlerts driftAlerts, Escalations escalations, ToolkitReview toolkitReview,
            Map<String, Long> contributionsByAgency, NeglectPlans neglectProtectionPlans) {
    }

    @Schema(name = "DashboardCounts")
    public record Counts(String partnership, OffsetDateTime asOf, Map<String, Long> counts) {
    }

    @Schema(name = "DashboardLevelChanges")
    public record LevelChanges(String partnership, String interval, LocalDate from, LocalDate to, List<Bucket> buckets) {
    }

    @Schema(name = "DashboardBucket")
    public record Bucket(LocalDate start, long up, long down) {
    }

    @Schema(name = "DashboardDriftAlerts")
    public record DriftAlerts(String partnership, OffsetDateTime asOf, long open, Map<String, Long> byRule,
            Map<String, Long> byAge) {
    }

    /** byLength: {@code <1y}, {@code 1-2y}, {@code >2y}; open: the children on such a plan. */
    @Schema(name = "DashboardNeglectPlans")
    public record NeglectPlans(String partnership, OffsetDateTime asOf, long open, Map<String, Long> byLength) {
    }

    @Schema(name = "DashboardEscalations")
    public record Escalations(String partnership, OffsetDateTime asOf, long open, Map<String, Long> byStage, long overdue) {
    }

    @Schema(name = "DashboardToolkitReview")
    public record ToolkitReview(String partnership, String family, String version, OffsetDateTime publishedAt,
            LocalDate reviewDueOn, String status) {
    }

    /** counts: completed assessments (latest version) each agency contributed to; chronologyEntries: entries each recorded. */
    @Schema(name = "DashboardContributions")
    public record Contributions(String partnership, OffsetDateTime asOf, Map<String, Long> counts,
            Map<String, Long> chronologyEntries) {
    }
}
