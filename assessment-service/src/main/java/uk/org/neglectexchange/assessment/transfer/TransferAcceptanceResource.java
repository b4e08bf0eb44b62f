package uk.org.neglectexchange.assessment.transfer;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.org.neglectexchange.platform.audit.Audit;
import uk.org.neglectexchange.platform.caller.Caller;
import uk.org.neglectexchange.platform.idempotency.IdempotentRequests;
import uk.org.neglectexchange.platform.problem.ProblemException;

@Path("/api/v1/transfers/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Transfers")
@SecurityRequirement(name = "oauth2")
public class TransferAcceptanceResource {

    @Inject
    TransferService transfers;

    @Inject
    Audit audit;

    @Inject
    Caller caller;

    @POST
    @Path("/accept")
    @RolesAllowed("child-transfer")
    @Operation(summary = "Accept a transfer into your partnership: the child, its escalations and drift alerts become yours")
    @APIResponse(responseCode = "200", description = "Accepted", content = @Content(schema = @Schema(implementation = TransferView.class)))
    @APIResponse(responseCode = "403", description = "Not the receiving partnership's children's services")
    @APIResponse(responseCode = "404", description = "No transfer with this id to or from your partnership")
    @APIResponse(responseCode = "409", description = "Already accepted (a retry with the first Idempotency-Key gets the first answer)")
    public TransferView accept(@PathParam("id") String id, @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        UUID transferId = transferId(id);
        return audit.recorded("child.transfer-accept", transferId == null ? null : transfers.childRefOf(transferId), () -> {
            caller.requirePractitionerId();
            if (transferId == null) {
                throw ProblemException.notFound("No transfer with this id to or from your partnership");
            }
            return transfers.accept(transferId, idempotencyKey);
        });
    }

    /** An id that is not a UUID names no transfer: 404, as an unknown one. */
    private static UUID transferId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
