package uk.org.neglectexchange.gateway.dashboard;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.org.neglectexchange.gateway.problem.ProblemException;
import uk.org.neglectexchange.platform.audit.Audit;

/**
 * Aggregates for a partnership's dashboard, built from events in the gateway's own database (see
 * {@link DashboardProjection}). Always the caller's own partnership, from the token's {@code partnership} claim:
 * no parameter can name another. Counts, codes and dates only.
 */
@Path("/api/v1/dashboard")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("dashboard")
@Tag(name = "Dashboard", description = "Aggregates for the partnership's dashboard (role dashboard)")
// Declared responses stop SmallRye deriving each method's 200 from its return type: @APIResponseSchema states it.
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "The token lacks role dashboard or a partnership claim")
public class DashboardResource {

    static final Set<String> PARTNERSHIPS = Set.of("HSCP", "IOWSCP", "WSSCP");
    /** Ten years of weeks: enough for any chart, and a bound on the work one request can ask for. */
    static final int MAX_BUCKETS = 520;
    /** Dates on the dashboard are the partnerships' own days. */
    static final ZoneId LOCAL = ZoneId.of("Europe/London");

    @Inject
    JsonWebToken token;

    @Inject
    DashboardQueries queries;

    @Inject
    Audit audit;

    @GET
    @Operation(summary = "Everything the dashboard page shows, in one call")
    @APIResponseSchema(value = DashboardViews.Overview.class, responseDescription = "Every section of the dashboard")
    public DashboardViews.Overview overview() {
        String partnership = partnership();
        LocalDate today = today();
        return new DashboardViews.Overview(partnership, DashboardQueries.asOf(), queries.childrenByCategory(partnership),
                queries.childrenByLevel(partnership), queries.driftAlerts(partnership, today),
                queries.escalations(partnership, today), queries.toolkitReview(partnership, today).orElse(null),
                queries.assessmentContributions(partnership), queries.neglectPlans(partnership, today));
    }

    @GET
    @Path("children-by-category")
    @Operation(summary = "Children by the Howe category of their latest completed assessment",
            description = "Children now in the partnership (after transfers) whose case is open: a closure on or after "
                    + "the latest completed assessment takes a child out until its next completed assessment.")
    @APIResponseSchema(value = DashboardViews.Counts.class, responseDescription = "Counts by category")
    public DashboardViews.Counts childrenByCategory() {
        String partnership = partnership();
        return new DashboardViews.Counts(partnership, DashboardQueries.asOf(), queries.childrenByCategory(partnership));
    }

    @GET
    @Path("children-by-level")
    @Operation(summary = "Children by the threshold level of their latest completed assessment",
            description = "The same children as children-by-category, keyed by level 1-4.")
    @APIResponseSchema(value = DashboardViews.Counts.class, responseDescription = "Counts by level")
    public DashboardViews.Counts childrenByLevel() {
        String partnership = partnership();
        return new DashboardViews.Counts(partnership, DashboardQueries.asOf(), queries.childrenByLevel(partnership));
    }

    @GET
    @Path("level-changes")
    @Operation(summary = "Threshold level changes up and down per week or month",
            description = "From threshold.changed, by its changedOn. Buckets start on Monday (week) or the 1st (month); "
                    + "the first is the one holding from. A child's first level is neither up nor down.")
    @APIResponse(responseCode = "400", description = "from or to is not a date, from is after to, interval is unknown, "
            + "or the range holds more than 520 buckets")
    @APIResponseSchema(value = DashboardViews.LevelChanges.class, responseDescription = "Changes up and down per bucket")
    public DashboardViews.LevelChanges levelChanges(
            @Parameter(description = "First day, YYYY-MM-DD; default: the start of the 12th bucket back") @QueryParam("from") String from,
            @Parameter(description = "Last day, YYYY-MM-DD; default: today") @QueryParam("to") String to,
            @Parameter(description = "week (default) or month") @QueryParam("interval") String interval) {
        String partnership = partnership();
        Interval bucket = interval == null || interval.isBlank() ? Interval.WEEK : Interval.parse(interval)
                .orElseThrow(() -> ProblemException.badRequest("interval", "must be week or month"));
        LocalDate last = to == null || to.isBlank() ? today() : date("to", to);
        LocalDate first = from == null || from.isBlank() ? bucket.startOfLast(12, last) : date("from", from);
        if (first.isAfter(last)) {
            throw ProblemException.badRequest(List.of("from", "to"), "from must not be after to");
        }
        long buckets = bucket == Interval.WEEK ? ChronoUnit.WEEKS.between(bucket.startOf(first), last)
                : ChronoUnit.MONTHS.between(bucket.startOf(first), last);
        if (buckets >= MAX_BUCKETS) {
            throw ProblemException.badRequest(List.of("from", "to"), "the range holds more than " + MAX_BUCKETS + " buckets");
        }
        List<DashboardViews.Bucket> series = queries.levelChanges(partnership, first, last, bucket).entrySet().stream()
                .map((Map.Entry<LocalDate, long[]> e) -> new DashboardViews.Bucket(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .toList();
        return new DashboardViews.LevelChanges(partnership, bucket.unit(), first, last, series);
    }

    @GET
    @Path("drift-alerts")
    @Operation(summary = "Open drift alerts by rule and by age (days since detection)")
    @APIResponseSchema(value = DashboardViews.DriftAlerts.class, responseDescription = "Open drift alerts")
    public DashboardViews.DriftAlerts driftAlerts() {
        return queries.driftAlerts(partnership(), today());
    }

    @GET
    @Path("neglect-protection-plans")
    @Operation(summary = "Children on a child protection plan for neglect, by how long it has lasted (<1y, 1-2y, >2y)",
            description = "Children now in the partnership (after transfers) whose child protection plan under the "
                    + "category of neglect is open today, from child.plan-started and child.plan-ended.")
    @APIResponseSchema(value = DashboardViews.NeglectPlans.class, responseDescription = "Children by plan length")
    public DashboardViews.NeglectPlans neglectProtectionPlans() {
        return queries.neglectPlans(partnership(), today());
    }

    @GET
    @Path("escalations")
    @Operation(summary = "Open escalations by stage, and how many are past their stage's deadline")
    @APIResponseSchema(value = DashboardViews.Escalations.class, responseDescription = "Open escalations")
    public DashboardViews.Escalations escalations() {
        return queries.escalations(partnership(), today());
    }

    @GET
    @Path("toolkit-review")
    @Operation(summary = "The partnership's current toolkit edition and its annual review status (CURRENT, DUE, OVERDUE)")
    @APIResponse(responseCode = "404", description = "No published edition for the partnership has been seen yet")
    @APIResponseSchema(value = DashboardViews.ToolkitReview.class, responseDescription = "The current edition and its review status")
    public DashboardViews.ToolkitReview toolkitReview() {
        String partnership = partnership();
        return queries.toolkitReview(partnership, today())
                .orElseThrow(() -> ProblemException.notFound("No published toolkit edition for " + partnership + " yet"));
    }

    @GET
    @Path("contributions-by-agency")
    @Operation(summary = "Contributions by agency",
            description = "counts: completed assessments (latest version of each) an agency contributed to; "
                    + "chronologyEntries: chronology entries an agency recorded, less those a correction superseded.")
    @APIResponseSchema(value = DashboardViews.Contributions.class, responseDescription = "Counts by agency")
    public DashboardViews.Contributions contributionsByAgency() {
        String partnership = partnership();
        return new DashboardViews.Contributions(partnership, DashboardQueries.asOf(),
                queries.assessmentContributions(partnership), queries.chronologyEntries(partnership));
    }

    /** The caller's partnership; a dashboard token without one sees nothing rather than everything. */
    /**
     * The caller's partnership; every read goes through here once, so here it is audited (counts, no child). A token
     * without the claim is refused before any figure is reached: not audited, like a missing role.
     */
    private String partnership() {
        Object partnership = token.getClaim("partnership");
        if (!(partnership instanceof String) || !PARTNERSHIPS.contains(partnership)) {
            throw ProblemException.forbidden("The token carries no partnership claim, so there is no dashboard to show");
        }
        audit.record("dashboard.read", null, Audit.Outcome.SUCCESS);
        return (String) partnership;
    }

    private static LocalDate today() {
        return LocalDate.now(LOCAL);
    }

    /** Years 1900–2100: a year like +999999999 overflowed the bucket arithmetic (a 500). */
    private static LocalDate date(String parameter, String value) {
        LocalDate date;
        try {
            date = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(List.of(parameter), parameter + " must be a date, YYYY-MM-DD");
        }
        if (date.getYear() < 1900 || date.getYear() > 2100) {
            throw ProblemException.badRequest(List.of(parameter), parameter + " must be a date from 1900-01-01 to 2100-12-31");
        }
        return date;
    }
}
