package uk.org.neglectexchange.assessment.child;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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

@Path("/api/v1/children/{childRef}/birth")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Children")
@SecurityRequirement(name = "oauth2")
public class BirthResource {

    @Inject
    BirthService births;

    @Inject
    Audit audit;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("child-write")
    @Operation(summary = "Record the birth of a child registered unborn, by the agency that registered it or children's services: "
            + "the age band follows the date of birth from now on; the pre-birth record stays")
    @APIResponse(responseCode = "200", description = "Recorded (or the same birth again): the child", content = @Content(schema = @Schema(implementation = ChildView.class)))
    @APIResponse(responseCode = "403", description = "Neither the registering agency nor children's services")
    @APIResponse(responseCode = "409", description = "Not registered unborn, a different birth recorded already, or the NHS number is another child's")
    @APIResponse(responseCode = "422", description = "Date of birth in the future or too far from the expected date; NHS number invalid or not the child's")
    public ChildView record(@PathParam("childRef") String childRef, @Valid @NotNull NewBirth birth,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        caller.requirePractitionerId();
        return audit.recorded("child.birth", childRef, () -> births.record(childRef, birth, idempotencyKey));
    }
}
