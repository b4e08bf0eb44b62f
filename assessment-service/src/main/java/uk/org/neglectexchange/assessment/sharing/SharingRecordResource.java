package uk.org.neglectexchange.assessment.sharing;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.org.neglectexchange.platform.audit.Audit;

@Path("/api/v1/children/{childRef}/sharing-records")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Information sharing")
@SecurityRequirement(name = "oauth2")
public class SharingRecordResource {

    @Inject
    InformationSharing sharing;

    @Inject
    Audit audit;

    @GET
    @RolesAllowed({ "child-read", "audit-read" })
    @Operation(summary = "Who else read the child's record, why, on what lawful basis and with what consent; the lead agency "
            + "and the data protection officer only; page on with after=nextAfter")
    public SharingRecordView.Page records(@PathParam("childRef") String childRef,
            @QueryParam("after") @DefaultValue("0") @Min(0) long after,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        return audit.recorded("child.sharing-records.read", childRef, () -> sharing.records(childRef, after, limit));
    }
}
