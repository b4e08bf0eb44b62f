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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.org.neglectexchange.platform.audit.Audit;
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
    @APIResponse(responseCode = "201", description = "Raised (or raised before with this Idempotency-Key); ETag names its stage",
            headers = @Header(name = "ETag", description = "The escalation's stage, for If-Match on its actions",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EscalationView.class)))
    @APIResponse(responseCode = "422", description = "A rule refused it, or the Idempotency-Key was used for another request")
    public Response raise(@HeaderParam(Caller.PRACTITIONER_HEADER) String practitionerId,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, @Valid @NotNull NewEscalation request) {
        EscalationView raised = audit.recorded("escalation.raise", request.childRef(), () -> {
            String practitioner = Caller.requirePractitioner(practitionerId);
            requireAgencyOfAPartnership();
            return escalations.view(escalations.raise(request, actor(practitioner), idempotencyKey));
        });
        return Response.created(URI.create("/api/v1/escalations/" + raised.id())).entity(raised)
                .header(HttpHeaders.ETAG, etag(raised)).build();
    }

    @GET
    @RolesAllowed({ "escalation-read", EscalationParticipation.PANEL_ROLE, EscalationParticipation.BUSINESS_TEAM_ROLE })
    @Operation(summary = "Escalations of the caller's partnership it takes part in, newest first: an agency those it is"
            + " party to; the escalation panel those at stage 4; the business team those from the stage its procedure"
            + " notifies it")
    public EscalationView.Page list(@QueryParam("status") String status, @QueryParam("stage") @Min(1) @Max(4) Integer stage,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit, @QueryParam("cursor") String cursor) {
        return audit.recorded("escalation.list", null,
                () -> escalations.list(actor(null), parseStatus(status), stage, parseCursor(cursor), limit));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ "escalation-read", EscalationParticipation.PANEL_ROLE, EscalationParticipation.BUSINESS_TEAM_ROLE })
    @Operation(summary = "One escalation with its stages and actions (404 unless the caller takes part in it at its stage)")
    @APIResponse(responseCode = "200", description = "The escalation; ETag names its stage, for If-Match on an action",
            headers = @Header(name = "ETag", description = "The escalation's stage, for If-Match on its actions",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EscalationView.class)))
    public Response one(@PathParam("id") String id) {
        EscalationView view = audit.recorded("escalation.read", () -> escalations.view(parseId(id), actor(null)),
                EscalationView::childRef);
        return Response.ok(view).header(HttpHeaders.ETAG, etag(view)).build();
    }

    @POST
    @Path("/{id}/actions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "escalation-write", EscalationParticipation.PANEL_ROLE })
    @Operation(summary = "Respond at the current stage, escalate to the next (with a reason), or resolve (outcome, who"
            + " resolved); the action names the stage it acts on (expectedStage, or If-Match with the ETag). The"
            + " escalation panel acts at stage 4")
    @APIResponse(responseCode = "200", description = "Done (or done before with this Idempotency-Key: the first answer"
            + " again, nothing applied twice); ETag names the stage it is at now",
            headers = @Header(name = "ETag", description = "The escalation's stage, for If-Match on its next action",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EscalationView.class)))
    @APIResponse(responseCode = "409", description = "expectedStage is not the stage the escalation is at (named), it"
            + " is resolved, or it cannot escalate past stage 4")
    @APIResponse(responseCode = "412", description = "If-Match is not the escalation's ETag: it is at another stage (named)")
    @APIResponse(responseCode = "422", description = "A field the action needs is missing, or the Idempotency-Key was"
            + " used for another request")
    @APIResponse(responseCode = "428", description = "Neither expectedStage nor If-Match names the stage acted on")
    public Response act(@PathParam("id") String id, @HeaderParam(Caller.PRACTITIONER_HEADER) String practitionerId,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @HeaderParam(StagePrecondition.IF_MATCH) String ifMatch, @Valid @NotNull NewAction request) {
        EscalationView view = audit.recorded("escalation.act", () -> escalations.view(escalations.act(parseId(id), request,
                actor(Caller.requirePractitioner(practitionerId)), idempotencyKey, ifMatch)), EscalationView::childRef);
        return Response.ok(view).header(HttpHeaders.ETAG, etag(view)).build();
    }

    /** The caller as a participant; {@code practitionerId} is null on reads. */
    private Actor actor(String practitionerId) {
        return EscalationParticipation.actor(caller, practitionerId);
    }

    /** Escalations are raised by an agency of a partnership about a disagreement with another agency. */
    private void requireAgencyOfAPartnership() {
        if (caller.agency() == null || caller.partnership() == null) {
            throw ProblemException.forbidden("The token names no agency or partnership: escalations are between agencies");
        }
    }

    private static String etag(EscalationView view) {
        return StagePrecondition.etag(view.stage(), view.status());
    }

    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No escalation with this id that you take part in");
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
