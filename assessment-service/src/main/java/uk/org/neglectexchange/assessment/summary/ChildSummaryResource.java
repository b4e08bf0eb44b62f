package uk.org.neglectexchange.assessment.summary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.org.neglectexchange.platform.audit.Audit;

@Path("/api/v1/children/{childRef}/summary")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Children")
@SecurityRequirement(name = "oauth2")
public class ChildSummaryResource {

    @Inject
    ChildSummaryService summaries;

    @Inject
    Audit audit;

    @GET
    @RolesAllowed("child-read")
    @Operation(summary = "The multi-agency picture of the child: current level and since when, the open assessment, open "
            + "escalations and drift alerts, the agencies involved and each one's latest entry. An agency other than the lead "
            + "agency states why and on what basis, as for the child; the share is recorded and the lead agency told")
    public ChildSummary summary(@PathParam("childRef") String childRef) {
        return audit.recorded("child.summary.read", childRef, () -> summaries.summary(childRef));
    }
}
