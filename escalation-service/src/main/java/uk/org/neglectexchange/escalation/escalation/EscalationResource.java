package uk.org.neglectexchange.escalation.escalation;

import java.net.URI;
import java.util.Locale;
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
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.org.neglectexchange.escalation.audit.Audit;
import uk.org.neglectexchange.platform.caller.Caller;
import uk.org.neglectexchange.platform.idempotency.IdempotentRequests;
import uk.org.neglectexchange.platform.problem.ProblemException;

@Path("/api/v1/escalations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Escalations")
@SecurityRequirement(name = "oauth2")
public class EscalationResource {

    @Inject
    EscalationService escalations;

    @Inject
    Caller caller;

    @Inject
    Audit audit;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("escalation-write")
    @Operation(summary = "Raise a professional disagreement about a decision in a child's case, at stage 1 (or later with an urgency reason)")
    @APIResponse(responseCode = "201", description = "Raised (or raised before with this Idempotency-Key)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EscalationView.class)))
    public Response raise(@HeaderParam(Caller.PRACTITIONER_HEADER) String practitionerId,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, @Valid @NotNull NewEscalation request) {
        return audit.recorded("escalation.raise", request.childRef(), () -> {
            Escalation raised = escalations.raise(request, actor(practitionerId), idempotencyKey);
            return Response.created(URI.create("/api/v1/escalations/" + raised.id)).entity(escalations.view(raised)).build();
        });
    }

    @GET
    @RolesAllowed("escalation-read")
    @Operation(summary = "Escalations the caller's agency is party to (raised by it or naming it), newest first")
    public EscalationView.Page list(@QueryParam("status") String status, @QueryParam("stage") @Min(1) @Max(4) Integer stage,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit, @QueryParam("cursor") String cursor) {
        return audit.recorded("escalation.list", null, () -> {
            requireAgencyOfAPartnership();
            return escalations.list(readActor(), parseStatus(status), stage, parseCursor(cursor), limit);
        });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed("escalation-read")
    @Operation(summary = "One escalation with its stages and actions (404 unless the caller's agency is party to it)")
    public EscalationView one(@PathParam("id") String id) {
        return audit.recorded("escalation.read", () -> {
            requireAgencyOfAPartnership();
            return escalations.view(parseId(id), readActor());
        }, EscalationView::childRef);
    }

    @POST
    @Path("/{id}/actions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("escalation-write")
    @Operation(summary = "Respond at the current stage, escalate to the next (with a reason), or resolve (outcome, who resolved)")
    public EscalationView act(@PathParam("id") String id, @HeaderParam(Caller.PRACTITIONER_HEADER) String practitionerId,
            @Valid @NotNull NewAction request) {
        return audit.recorded("escalation.act",
                () -> escalations.view(escalations.act(parseId(id), request, actor(practitionerId))), EscalationView::childRef);
    }

    private Actor actor(String practitionerHeader) {
        String practitionerId = Caller.requirePractitioner(practitionerHeader);
        requireAgencyOfAPartnership();
        return new Actor(caller.partnership(), caller.agency(), caller.clientId(), practitionerId);
    }

    /** Escalations are between agencies of one partnership: a token without both claims cannot be party to one. */
    private void requireAgencyOfAPartnership() {
        if (caller.agency() == null || caller.partnership() == null) {
            throw ProblemException.forbidden("The token names no agency or partnership: escalations are between agencies");
        }
    }

    private Actor readActor() {
        return new Actor(caller.partnership(), caller.agency(), caller.clientId(), null);
    }

    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No escalation with this id that your agency is party to");
        }
    }

    private static EscalationStatus parseStatus(String status) {
        if (status == null) {
            return null;
        }
        try {
            return EscalationStatus.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("status", "must be OPEN or RESOLVED");
        }
    }

    private static Long parseCursor(String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            return Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("cursor", "must be a nextCursor from a previous page");
        }
    }
}
