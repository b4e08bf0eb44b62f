package uk.org.neglectexchange.assessment.partnership;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.security.Authenticated;
import uk.org.neglectexchange.assessment.toolkit.ToolkitEdition;

@Path("/api/v1/partnerships")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Partnerships")
@SecurityRequirement(name = "oauth2")
@Authenticated
public class PartnershipResource {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PartnershipView(String code, String name, String toolkitFamily, CurrentEdition currentToolkitEdition) {
    }

    /** The edition that new assessments of this partnership are opened against. */
    public record CurrentEdition(String version, OffsetDateTime publishedAt, LocalDate reviewDueOn) {
    }

    @GET
    @Operation(summary = "The partnerships and the toolkit edition each currently assesses against")
    public List<PartnershipView> list() {
        return Arrays.stream(Partnership.values())
                .map(p -> new PartnershipView(p.name(), p.fullName(), p.toolkitFamily(),
                        ToolkitEdition.current(p.toolkitFamily())
                                .map(e -> new CurrentEdition(e.version, e.publishedAt, e.reviewDueOn)).orElse(null)))
                .toList();
    }
}
