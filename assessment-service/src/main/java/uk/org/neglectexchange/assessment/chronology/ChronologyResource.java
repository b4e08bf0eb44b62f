package uk.org.neglectexchange.assessment.chronology;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.org.neglectexchange.platform.audit.Audit;
import uk.org.neglectexchange.platform.caller.Caller;
import uk.org.neglectexchange.platform.idempotency.IdempotentRequests;

@Path("/api/v1/children/{childRef}/chronology")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Chronology")
@SecurityRequirement(name = "oauth2")
public class ChronologyResource {

    private static final String ADD = "chronology.add";
    private static final String READ = "chronology.read";
    private static final String RECTIFY = "chronology.rectify";

    @Inject
    ChronologyService chronology;

    @Inject
    RectificationService rectifications;

    @Inject
    Audit audit;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("chronology-write")
    @Operation(summary = "Add an entry to the child's chronology, as your agency; a correction supersedes an earlier entry of yours")
    @APIResponse(responseCode = "201", description = "Added", content = @Content(schema = @Schema(implementation = ChronologyEntryView.class)))
    public Response add(@PathParam("childRef") String childRef, @Valid @NotNull NewChronologyEntry entry,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        caller.requirePractitionerId();
        ChronologyEntryView added = audit.recorded(ADD, childRef, () -> chronology.add(childRef, entry, idempotencyKey));
        return Response.created(URI.create("/api/v1/children/" + childRef + "/chronology/" + added.id())).entity(added).build();
    }

    @GET
    @RolesAllowed({ "chronology-read", "data-protection" })
    @Operation(summary = "The child's chronology from every agency, in the order things happened (occurredOn, then recordedAt); page on with cursor=nextCursor",
            description = "Each summary reaches only the readers its sharingLevel allows; the others get the entry without it and with "
                    + "a redaction marker, e.g. {\"reason\": \"POLICE_PART3\", \"message\": \"police information held: contact the police\"}; "
                    + "a rectified entry is its id and {\"reason\": \"RECTIFIED\", rectifiedAt, rectifiedByAgency} (the data protection officer reads it in full)")
    public ChronologyPage list(@PathParam("childRef") String childRef,
            @Parameter(description = "only entries of these agencies (repeatable)") @QueryParam("agency") List<String> agency,
            @Parameter(description = "only entries of these types (repeatable)") @QueryParam("type") List<String> type,
            @Parameter(description = "occurred on or after, yyyy-mm-dd") @QueryParam("from") String from,
            @Parameter(description = "occurred on or before, yyyy-mm-dd") @QueryParam("to") String to,
            @Parameter(description = "false leaves out entries a correction superseded (default true)") @QueryParam("includeSuperseded") String includeSuperseded,
            @Parameter(description = "entries per page, 1–200 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        return audit.recorded(READ, childRef, () -> chronology.list(childRef,
                ChronologyQuery.parse(agency, type, from, to, includeSuperseded, limit, cursor)));
    }

    @GET
    @Path("/{entryId}")
    @RolesAllowed({ "chronology-read", "data-protection" })
    @Operation(summary = "One entry of the child's chronology, with supersededBy if it was corrected; redacted as in the chronology")
    public ChronologyEntryView read(@PathParam("childRef") String childRef, @PathParam("entryId") String entryId) {
        return audit.recorded(READ, childRef, () -> chronology.read(childRef, entryId));
    }

    @POST
    @Path("/{entryId}/rectification")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "chronology-write", "data-protection" })
    @Operation(summary = "Rectify an entry recorded against the wrong child (children's services or the data protection "
            + "officer of the child's partnership): hidden from every reader but the data protection officer from now on; "
            + "an entry already rectified answers 409, a retry with the same Idempotency-Key the first answer")
    @APIResponse(responseCode = "201", description = "Rectified", content = @Content(schema = @Schema(implementation = RectificationView.class)))
    public Response rectify(@PathParam("childRef") String childRef, @PathParam("entryId") String entryId,
            @Valid NewRectification rectification, @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        RectificationView done = audit.recorded(RECTIFY, childRef,
                () -> rectifications.rectify(childRef, entryId, rectification, idempotencyKey));
        return Response.created(URI.create("/api/v1/children/" + childRef + "/chronology/" + done.entryId())).entity(done).build();
    }
}
