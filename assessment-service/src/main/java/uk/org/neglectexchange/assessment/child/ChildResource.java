package uk.org.neglectexchange.assessment.child;

import java.net.URI;

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
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.org.neglectexchange.platform.audit.Audit;
import uk.org.neglectexchange.assessment.sharing.Consent;
import uk.org.neglectexchange.assessment.sharing.LawfulBasis;
import uk.org.neglectexchange.assessment.sharing.Para18Reason;
import uk.org.neglectexchange.assessment.sharing.SharingDecisionRule;
import uk.org.neglectexchange.platform.caller.Caller;
import uk.org.neglectexchange.platform.idempotency.IdempotentRequests;
import uk.org.neglectexchange.platform.problem.ProblemException;

@Path("/api/v1/children")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Children")
@SecurityRequirement(name = "oauth2")
public class ChildResource {

    @Inject
    ChildService children;

    @Inject
    Audit audit;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("child-write")
    @Operation(summary = "Register a child, or find the one already registered (201 new, 200 matched)")
    @APIResponse(responseCode = "201", description = "Registered", content = @Content(schema = @Schema(implementation = ChildView.class)))
    @APIResponse(responseCode = "200", description = "Already registered: the same childRef", content = @Content(schema = @Schema(implementation = ChildView.class)))
    public Response register(@Valid @NotNull NewChild child,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        caller.requirePractitionerId();
        ChildService.Registration registration;
        try {
            registration = children.register(child, idempotencyKey);
        } catch (ProblemException e) {
            // refused before there is a childRef to name
            audit.record("child.register", null, Audit.refusal(e));
            throw e;
        }
        String childRef = registration.child().childRef;
        audit.record("child.register", childRef, Audit.Outcome.SUCCESS);
        ChildView view = children.view(registration.child());
        return registration.created()
                ? Response.created(URI.create("/api/v1/children/" + childRef)).entity(view).build()
                : Response.ok(view).build();
    }

    @GET
    @Path("/{childRef}")
    @RolesAllowed("child-read")
    @Operation(summary = "A child of your partnership; identity only with the identity-read role. An agency other than the "
            + "lead agency states why and on what basis (X-Purpose, X-Lawful-Basis, X-Consent, X-Para18-Reason when "
            + "without consent), in the codes of every share (README); the previous release's codes are answered with a "
            + "Deprecation header; the share is recorded and the lead agency told")
    @Parameter(in = ParameterIn.HEADER, name = SharingDecisionRule.LAWFUL_BASIS_HEADER, schema = @Schema(implementation = LawfulBasis.class))
    @Parameter(in = ParameterIn.HEADER, name = SharingDecisionRule.CONSENT_HEADER, schema = @Schema(implementation = Consent.class))
    @Parameter(in = ParameterIn.HEADER, name = SharingDecisionRule.PARA18_REASON_HEADER, schema = @Schema(implementation = Para18Reason.class))
    @APIResponse(responseCode = "200", description = "The child", content = @Content(schema = @Schema(implementation = ChildView.class)))
    @APIResponse(responseCode = "404", description = "No child with this childRef in your partnership")
    @APIResponse(responseCode = "410", description = "The child's record was erased: its identity can no longer be read")
    public ChildView read(@PathParam("childRef") String childRef) {
        return audit.recorded("child.read", childRef, () -> children.read(childRef));
    }
}
