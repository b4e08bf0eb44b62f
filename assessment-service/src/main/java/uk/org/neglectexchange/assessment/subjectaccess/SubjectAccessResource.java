package uk.org.neglectexchange.assessment.subjectaccess;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;

import uk.org.neglectexchange.platform.audit.Audit;
import uk.org.neglectexchange.platform.negotiation.Representation;

/**
 * The subject access export of one child, for its partnership's data protection officer. As everywhere, a token
 * without the role is refused (403) before any child data is reached and leaves no audit row; every refusal on the
 * child (unknown, another partnership's, merged) is audited.
 */
@Path("/api/v1/children/{childRef}/subject-access-export")
@Tag(name = "Subject access")
@SecurityRequirement(name = "oauth2")
@RolesAllowed(SubjectAccessResource.DPO_ROLE)
public class SubjectAccessResource {

    public static final String ACTION = "subject-access.export";
    static final String DPO_ROLE = "data-protection";
    static final String PDF = "application/pdf";
    private static final MediaType PDF_TYPE = MediaType.valueOf(PDF);

    @Inject
    SubjectAccessService exports;

    @Inject
    Audit audit;

    @Inject
    ObjectMapper json;

    @GET
    @Produces({ MediaType.APPLICATION_JSON, PDF })
    @Operation(summary = "Everything assessment-service holds about the child (identity, chronology, assessments, household, "
            + "plans, transfers, merges, sharing records, open escalations and drift alerts, who accessed the record), "
            + "third-party information redacted (README, Subject access); JSON, or the same content as a PDF with "
            + "Accept: application/pdf. The data protection officer of the child's partnership only (role "
            + "data-protection): another partnership's DPO gets 404; audited subject-access.export, refusals too")
    @APIResponse(responseCode = "200", description = "The export", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubjectAccessExport.class)),
            @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING,
                    format = "binary")) })
    @APIResponse(responseCode = "403", description = "Not a data protection officer")
    @APIResponse(responseCode = "404", description = "No child with this childRef in your partnership (errors name childRef)")
    @APIResponse(responseCode = "308", description = "The record was merged into another: Location is the surviving record's export")
    public Response export(@PathParam("childRef") String childRef, @Context HttpHeaders headers) {
        boolean pdf = Representation.chosen(headers, List.of(MediaType.APPLICATION_JSON_TYPE, PDF_TYPE)).equals(PDF_TYPE);
        return audit.recorded(ACTION, childRef, () -> {
            SubjectAccessExport export = exports.export(childRef);
            return pdf
                    ? Response.ok(ExportPdf.render(json.valueToTree(export)), PDF)
                            .header("Content-Disposition", "attachment; filename=\"subject-access-" + export.childRef() + ".pdf\"")
                            .build()
                    : Response.ok(export, MediaType.APPLICATION_JSON).build();
        });
    }
}
