package uk.org.neglectexchange.escalation.drift;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.narayana.jta.QuarkusTransaction;
import uk.org.neglectexchange.escalation.audit.Audit;
import uk.org.neglectexchange.platform.caller.Caller;
import uk.org.neglectexchange.platform.problem.Problem;
import uk.org.neglectexchange.platform.problem.ProblemException;

@Path("/api/v1/drift-alerts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Drift alerts")
@SecurityRequirement(name = "oauth2")
public class DriftAlertResource {

    @Inject
    Caller caller;

    @Inject
    DriftAlerts alerts;

    @Inject
    Clock clock;

    @Inject
    Audit audit;

    @GET
    @RolesAllowed("drift-read")
    @Operation(summary = "The caller's partnership's drift and delay alerts, newest first")
    public DriftAlertView.Page list(@QueryParam("partnership") String partnership, @QueryParam("rule") String rule,
            @QueryParam("severity") String severity, @QueryParam("status") String status,
            @QueryParam("childRef") String childRef,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit, @QueryParam("cursor") String cursor) {
        return audit.recorded("drift-alert.list", childRef,
                () -> page(partnership, rule, severity, status, childRef, limit, cursor));
    }

    private DriftAlertView.Page page(String partnership, String rule, String severity, String status, String childRef,
            int limit, String cursor) {
        String own = ownPartnership();
        if (partnership != null && !partnership.equals(own)) {
            throw new ProblemException(403, "Forbidden", "Alerts of another partnership are not visible",
                    List.of(new Problem.FieldError("partnership", "must be the caller's partnership")));
        }
        StringBuilder where = new StringBuilder("partnership = :partnership");
        Map<String, Object> params = new HashMap<>(Map.of("partnership", own));
        if (rule != null) {
            if (!rule.matches("D[1-9]")) {
                throw ProblemException.badRequest("rule", "must be one of D1 to D9");
            }
            where.append(" and rule = :rule");
            params.put("rule", rule);
        }
        if (severity != null) {
            where.append(" and severity = :severity");
            params.put("severity", parse(Severity.class, "severity", severity));
        }
        if (status != null) {
            where.append(" and status = :status");
            params.put("status", parse(AlertStatus.class, "status", status));
        }
        if (childRef != null) {
            where.append(" and childRef = :childRef");
            params.put("childRef", childRef);
        }
        if (cursor != null) {
            where.append(" and sequenceNo < :cursor");
            params.put("cursor", parseCursor(cursor));
        }
        List<DriftAlert> page = DriftAlert.<DriftAlert>find(where + " order by sequenceNo desc", params)
                .page(0, limit + 1).list();
        List<DriftAlertView> items = new ArrayList<>();
        page.stream().limit(limit).forEach(a -> items.add(DriftAlertView.of(a, alerts.evidence(a))));
        String next = page.size() > limit ? String.valueOf(page.get(limit - 1).sequenceNo) : null;
        return new DriftAlertView.Page(items, next);
    }

    @POST
    @Path("/{id}/acknowledgement")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("drift-acknowledge")
    @Operation(summary = "Acknowledge an open alert with a note; it clears only when its condition ends")
    public DriftAlertView acknowledge(@HeaderParam(Caller.PRACTITIONER_HEADER) String practitionerId,
            @PathParam("id") String id, @Valid @NotNull Acknowledgement request) {
        // the acknowledgement commits before the audit records its success
        return audit.recorded("drift-alert.acknowledge", () -> QuarkusTransaction.requiringNew().call(() -> {
            String practitioner = Caller.requirePractitioner(practitionerId);
            DriftAlert alert = find(id, ownPartnership());
            if (alert.status == AlertStatus.CLEARED) {
                throw ProblemException.conflict("The alert has cleared: its condition has ended");
            }
            alert.status = AlertStatus.ACKNOWLEDGED;
            alert.acknowledgedBy = practitioner;
            alert.acknowledgedAt = OffsetDateTime.now(clock);
            alert.acknowledgementNote = request.note();
            return DriftAlertView.of(alert, alerts.evidence(alert));
        }), DriftAlertView::childRef);
    }

    private String ownPartnership() {
        if (caller.partnership() == null) {
            throw ProblemException.forbidden("The token names no partnership: alerts belong to a partnership");
        }
        return caller.partnership();
    }

    private static DriftAlert find(String id, String partnership) {
        DriftAlert alert;
        try {
            alert = DriftAlert.findById(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            alert = null;
        }
        if (alert == null || !alert.partnership.equals(partnership)) {
            throw ProblemException.notFound("No drift alert with this id in your partnership");
        }
        return alert;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(field, "must be one of " + List.of(type.getEnumConstants()));
        }
    }

    private static Long parseCursor(String cursor) {
        try {
            return Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("cursor", "must be a nextCursor from a previous page");
        }
    }
}
