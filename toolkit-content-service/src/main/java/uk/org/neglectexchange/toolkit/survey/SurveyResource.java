package uk.org.neglectexchange.toolkit.survey;

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

import uk.org.neglectexchange.platform.caller.Caller;
import uk.org.neglectexchange.platform.idempotency.IdempotentRequests;
import uk.org.neglectexchange.platform.problem.ProblemException;
import uk.org.neglectexchange.toolkit.edition.ToolkitFamily;

@Path("/api/v1/toolkits/{family}/editions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Neglect practice survey")
@SecurityRequirement(name = "oauth2")
public class SurveyResource {

    @Inject
    SurveyService survey;

    @Inject
    Caller caller;

    @POST
    @Path("/{version}/survey-responses")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("survey-respond")
    @Operation(summary = "Answer the neglect practice survey about a published or superseded edition (a draft is 404)")
    @APIResponse(responseCode = "201", description = "Stored (or stored before with this Idempotency-Key: the same"
            + " receipt, counted once)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SurveyReceipt.class)))
    @APIResponse(responseCode = "422", description = "An answer breaks a rule (named), or the Idempotency-Key was used"
            + " for another request")
    public Response respond(@PathParam("family") String family, @PathParam("version") String version,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, @Valid @NotNull NewSurveyResponse answers) {
        ToolkitFamily f = familyOfCaller(family);
        SurveyReceipt receipt = survey.respond(f, version, answers, caller.partnership(), caller.agency(), caller.clientId(),
                idempotencyKey);
        return Response.status(Response.Status.CREATED).entity(receipt).build();
    }

    @GET
    @Path("/{version}/survey-results")
    @RolesAllowed("toolkit-edit")
    @Operation(summary = "Aggregated survey answers for an edition, for the family's editors")
    public SurveyResults results(@PathParam("family") String family, @PathParam("version") String version) {
        ToolkitFamily f = family(family);
        if (!f.name().equals(caller.toolkitFamily())) {
            throw ProblemException.forbidden("This client edits the " + caller.toolkitFamily() + " toolkit, not " + f);
        }
        return survey.results(f, version);
    }

    private static ToolkitFamily family(String code) {
        return ToolkitFamily.parse(code).orElseThrow(() -> ProblemException.notFound("No toolkit family with this code (families: HIOW, WS)"));
    }

    /** Practitioners review their own partnership's toolkit; HSCP and IOWSCP share HIOW, WSSCP has WS. */
    private ToolkitFamily familyOfCaller(String code) {
        ToolkitFamily family = family(code);
        if (caller.agency() == null) {
            throw ProblemException.forbidden("The token names no agency: the survey is answered by agencies' practitioners");
        }
        if (!family.partnerships().contains(caller.partnership())) {
            throw ProblemException.forbidden("This client's partnership " + caller.partnership() + " does not use the "
                    + family + " toolkit");
        }
        return family;
    }
}
