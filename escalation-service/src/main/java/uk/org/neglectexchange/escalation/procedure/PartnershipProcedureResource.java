package uk.org.neglectexchange.escalation.procedure;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import uk.org.neglectexchange.platform.problem.ProblemException;

@Path("/api/v1/escalation-procedures")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Escalation procedures")
@SecurityRequirement(name = "oauth2")
@Authenticated
public class PartnershipProcedureResource {

    public record ProcedureView(String partnership, String procedureCode, String procedureName,
            Map<Integer, Integer> stageDeadlineWorkingDays, Integer businessTeamNotifiedFromStage,
            Map<String, Integer> driftRules, String toolkitFamily, String toolkitVersion, OffsetDateTime publishedAt,
            EditionPublished.AlertApproaches practiceApproaches) {

        static ProcedureView of(PartnershipProcedure p) {
            return new ProcedureView(p.partnership, p.procedureCode, p.procedureName, p.stageDeadlineWorkingDays,
                    p.businessTeamNotifiedFromStage, p.driftRules, p.toolkitFamily, p.toolkitVersion, p.publishedAt,
                    p.practiceApproaches);
        }
    }

    @GET
    @Operation(summary = "Each partnership's escalation procedure and drift clocks, from its published toolkit edition")
    public List<ProcedureView> list() {
        return PartnershipProcedure.<PartnershipProcedure>listAll().stream()
                .sorted((a, b) -> a.partnership.compareTo(b.partnership)).map(ProcedureView::of).toList();
    }

    @GET
    @Path("/{partnership}")
    @Operation(summary = "One partnership's escalation procedure and drift clocks")
    public ProcedureView one(@PathParam("partnership") String partnership) {
        PartnershipProcedure procedure = PartnershipProcedure.findById(partnership);
        if (procedure == null) {
            throw ProblemException.notFound("No procedure known for this partnership"
                    + " (partnerships: HSCP, IOWSCP, WSSCP; settings arrive with the published toolkit edition)");
        }
        return ProcedureView.of(procedure);
    }
}
