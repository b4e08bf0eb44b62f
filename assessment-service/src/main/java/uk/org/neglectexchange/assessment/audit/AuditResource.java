package uk.org.neglectexchange.assessment.audit;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/** The audit trail, for the data protection officer only. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
@SecurityRequirement(name = "oauth2")
@RolesAllowed("audit-read")
public class AuditResource {

    public record AuditView(OffsetDateTime at, String clientId, String partnership, String agency, String practitionerId,
            String purpose, String action, String childRef, String outcome, String requestId) {

        static AuditView of(AuditEntry e) {
            return new AuditView(e.at, e.clientId, e.partnership, e.agency, e.practitionerId, e.purpose, e.action,
                    e.childRef, e.outcome, e.requestId);
        }
    }

    public record AuditPage(List<AuditView> entries, Long nextAfter) {
    }

    @GET
    @Operation(summary = "Every read and write of one child's data, oldest first; page on with after=nextAfter")
    public AuditPage forChild(@QueryParam("childRef") @NotBlank String childRef,
            @QueryParam("after") @DefaultValue("0") @Min(0) long after,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        List<AuditEntry> entries = AuditEntry.<AuditEntry>find("childRef = ?1 and id > ?2", Sort.by("id"), childRef, after)
                .page(Page.ofSize(limit)).list();
        Long next = entries.size() == limit ? entries.get(entries.size() - 1).id : null;
        return new AuditPage(entries.stream().map(AuditView::of).toList(), next);
    }
}
