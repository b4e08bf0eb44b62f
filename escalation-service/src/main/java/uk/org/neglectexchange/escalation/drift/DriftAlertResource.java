package uk.org.neglectexchange.escalation.drift;

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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.org.neglectexchange.platform.audit.Audit;
import uk.org.neglectexchange.platform.caller.Caller;
import uk.org.neglectexchange.platform.idempotency.IdempotentRequests;

@Path("/api/v1/drift-alerts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Drift alerts")
@SecurityRequirement(name = "oauth2")
public class DriftAlertResource {

    @Inject
    DriftAlertService service;

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
                () -> service.page(new DriftAlertService.Filters(partnership, rule, severity, status, childRef), limit, cursor));
    }

    @POST
    @Path("/{id}/acknowledgement")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("drift-acknowledge")
    @Operation(summary = "Acknowledge an open alert with a note; it clears only when its condition ends")
    @APIResponse(responseCode = "200", description = "Acknowledged (or acknowledged before with this Idempotency-Key:"
            + " the alert, its first acknowledgement unchanged)")
    @APIResponse(responseCode = "409", description = "The alert has cleared")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for another request")
    public DriftAlertView acknowledge(@HeaderParam(Caller.PRACTITIONER_HEADER) String practitionerId,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, @PathParam("id") String id,
            @Valid @NotNull Acknowledgement request) {
        // the acknowledgement commits (its own transaction) before the audit records its success
        return audit.recorded("drift-alert.acknowledge",
                () -> service.acknowledge(id, Caller.requirePractitioner(practitionerId), request, idempotencyKey),
                DriftAlertView::childRef);
    }
}
