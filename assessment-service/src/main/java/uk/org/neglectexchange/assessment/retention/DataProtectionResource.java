package uk.org.neglectexchange.assessment.retention;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.org.neglectexchange.platform.audit.Audit;
import uk.org.neglectexchange.platform.idempotency.IdempotentRequests;

/** The data protection officer of the child's partnership (role data-protection): legal holds and erasure. */
@Path("/api/v1/children/{childRef}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Retention")
@SecurityRequirement(name = "oauth2")
@RolesAllowed("data-protection")
public class DataProtectionResource {

    @Inject
    DataProtectionService dataProtection;

    @Inject
    Audit audit;

    @POST
    @Path("/legal-holds")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Put the child's record under legal hold: neither the retention job nor an erasure touches it until lifted")
    @APIResponse(responseCode = "201", description = "Held (or held before with this Idempotency-Key)",
            content = @Content(schema = @Schema(implementation = LegalHoldView.class)))
    @APIResponse(responseCode = "404", description = "No child with this childRef in the officer's partnership")
    @APIResponse(responseCode = "410", description = "The child's record was erased")
    @APIResponse(responseCode = "422", description = "No reason; errors[].field is reason")
    public Response hold(@PathParam("childRef") String childRef, ReasonRequest request,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        LegalHoldView hold = audit.recorded("child.legal-hold.set", childRef,
                () -> dataProtection.hold(childRef, request, idempotencyKey));
        return Response.created(URI.create("/api/v1/children/" + hold.childRef() + "/legal-holds/" + hold.id()))
                .entity(hold).build();
    }

    @POST
    @Path("/legal-holds/{holdId}/lift")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Lift a legal hold: the record's retention applies again")
    @APIResponse(responseCode = "200", description = "Lifted", content = @Content(schema = @Schema(implementation = LegalHoldView.class)))
    @APIResponse(responseCode = "404", description = "No such child in the officer's partnership, or no such hold on it")
    @APIResponse(responseCode = "409", description = "The hold was lifted already")
    @APIResponse(responseCode = "422", description = "No reason; errors[].field is reason")
    public LegalHoldView lift(@PathParam("childRef") String childRef, @PathParam("holdId") UUID holdId,
            ReasonRequest request, @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return audit.recorded("child.legal-hold.lift", childRef,
                () -> dataProtection.lift(childRef, holdId, request, idempotencyKey));
    }

    @GET
    @Path("/legal-holds")
    @Operation(summary = "The child's legal holds, active and lifted, oldest first")
    public List<LegalHoldView> holds(@PathParam("childRef") String childRef) {
        return audit.recorded("child.legal-holds.read", childRef, () -> dataProtection.holds(childRef));
    }

    @POST
    @Path("/erasure")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Erase the child's record on the data protection officer's instruction: its reference then answers 410 Gone")
    @APIResponse(responseCode = "200", description = "Erased (or erased before with this Idempotency-Key)",
            content = @Content(schema = @Schema(implementation = ErasureView.class)))
    @APIResponse(responseCode = "404", description = "No child with this childRef in the officer's partnership")
    @APIResponse(responseCode = "409", description = "The record is under legal hold; the detail names the hold")
    @APIResponse(responseCode = "410", description = "The record was erased already")
    @APIResponse(responseCode = "422", description = "No reason; errors[].field is reason")
    public ErasureView erase(@PathParam("childRef") String childRef, ReasonRequest request,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return audit.recorded("child.erase", childRef, () -> dataProtection.erase(childRef, request, idempotencyKey));
    }
}
