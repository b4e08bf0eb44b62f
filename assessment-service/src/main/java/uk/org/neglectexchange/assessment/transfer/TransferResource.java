package uk.org.neglectexchange.assessment.transfer;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import uk.org.neglectexchange.platform.caller.Caller;
import uk.org.neglectexchange.platform.idempotency.IdempotentRequests;

@Path("/api/v1/children/{childRef}/transfers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Transfers")
@SecurityRequirement(name = "oauth2")
public class TransferResource {

    @Inject
    TransferService transfers;

    @Inject
    Audit audit;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("child-transfer")
    @Operation(summary = "Ask to move a child's record to the partnership the family now lives in; it stays yours until"
            + " that partnership's children's services accepts (POST /api/v1/transfers/{id}/accept)")
    @APIResponse(responseCode = "201", description = "Requested", content = @Content(schema = @Schema(implementation = TransferView.class)))
    @APIResponse(responseCode = "409", description = "Another transfer of the child waits for acceptance")
    @APIResponse(responseCode = "422", description = "toPartnership is the child's current partnership")
    public Response transfer(@PathParam("childRef") String childRef, @Valid @NotNull NewTransfer transfer,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        TransferView done = audit.recorded("child.transfer-request", childRef, () -> {
            caller.requirePractitionerId();
            return transfers.request(childRef, transfer, idempotencyKey);
        });
        return Response.created(URI.create("/api/v1/transfers/" + done.id())).entity(done).build();
    }

    @GET
    @RolesAllowed("child-read")
    @Operation(summary = "The partnerships a child of your partnership has belonged to, oldest first")
    public List<PartnershipPeriodView> history(@PathParam("childRef") String childRef) {
        return audit.recorded("child.transfer-history.read", childRef, () -> transfers.history(childRef));
    }
}
