package uk.org.neglectexchange.assessment.merge;

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

@Path("/api/v1/children/{childRef}/merges")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Children")
@SecurityRequirement(name = "oauth2")
public class ChildMergeResource {

    @Inject
    ChildMergeService merges;

    @Inject
    Audit audit;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("child-write")
    @Operation(summary = "Merge a duplicate record of this child into this one (children's services, within its partnership): "
            + "the duplicate's chronology, assessments, level history, household and shares move here, and its childRef "
            + "answers 308 with this record's address from then on")
    @APIResponse(responseCode = "201", description = "Merged (or merged before with this Idempotency-Key)",
            content = @Content(schema = @Schema(implementation = MergeView.class)))
    @APIResponse(responseCode = "409", description = "The duplicate was merged already, or both records have an assessment under way")
    @APIResponse(responseCode = "422", description = "Not a duplicate that can be merged: the same record, another partnership's, or another NHS number")
    public Response merge(@PathParam("childRef") String childRef, @Valid @NotNull NewMerge merge,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        MergeView done = audit.recorded("child.merge", childRef, () -> {
            caller.requirePractitionerId();
            return merges.merge(childRef, merge, idempotencyKey);
        });
        // the duplicate's trail says where its record went
        audit.record("child.merged-away", done.mergedChildRef(), Audit.Outcome.SUCCESS);
        return Response.created(URI.create("/api/v1/children/" + done.survivingChildRef() + "/merges")).entity(done).build();
    }

    @GET
    @RolesAllowed("child-read")
    @Operation(summary = "The duplicate records merged into this child's, oldest first")
    public List<MergeView> merged(@PathParam("childRef") String childRef) {
        return audit.recorded("child.merges.read", childRef, () -> merges.mergedInto(childRef));
    }
}
