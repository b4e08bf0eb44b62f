package uk.org.neglectexchange.gateway.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import uk.org.neglectexchange.platform.audit.Audit;
import uk.org.neglectexchange.platform.caller.Caller;
import uk.org.neglectexchange.platform.negotiation.Representation;
import uk.org.neglectexchange.platform.problem.DateBounds;
import uk.org.neglectexchange.platform.problem.ProblemException;

/**
 * The exchange's audit trail, for a partnership's data protection officer (role {@code audit-read}): every service's
 * reads and writes of child data, only the caller's own partnership's rows. A read of the trail is itself audited.
 */
@Path("/api/v1/audit")
@Tag(name = "Audit", description = "The audit trail of every service, hash-chained per partnership")
@SecurityRequirement(name = "oauth2")
@RolesAllowed("audit-read")
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "The token lacks role audit-read, or names no partnership")
public class AuditTrailResource {

    private static final int MAX_TERM = 200;

    static final String CSV = "text/csv";
    private static final MediaType CSV_TYPE = MediaType.valueOf(CSV);
    private static final Set<String> PARTNERSHIPS = Set.of("HSCP", "IOWSCP", "WSSCP");

    /** A page of the trail, oldest first; {@code nextCursor} is null on the last page. */
    public record Page(List<TrailRow> items, String nextCursor) {
    }

    @Inject
    Caller caller;

    @Inject
    Audit audit;

    @Inject
    TrailQueries queries;

    @Inject
    TrailVerification verification;

    @GET
    @Produces({ MediaType.APPLICATION_JSON, CSV })
    @Operation(summary = "The caller's partnership's audit trail, oldest first, filtered",
            description = "JSON pages (cursor, limit 1–200, default 50); with Accept: text/csv every row of the filter"
                    + " as one CSV export. from is inclusive, to exclusive (RFC 3339 date-times, or dates at 00:00 UTC).")
    @APIResponse(responseCode = "200", description = "A page of rows (JSON), or all rows of the filter (CSV)")
    @APIResponse(responseCode = "400", description = "A filter, the cursor or limit is malformed (errors names it)")
    @APIResponse(responseCode = "404", description = "The trail of the caller's partnership has nothing about that child")
    public Response read(@QueryParam("childRef") String childRef, @QueryParam("clientId") String clientId,
            @QueryParam("agency") String agency, @QueryParam("practitionerId") String practitionerId,
            @QueryParam("action") String action, @QueryParam("outcome") String outcome,
            @Parameter(description = "inclusive") @QueryParam("from") String from,
            @Parameter(description = "exclusive") @QueryParam("to") String to,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("50") int limit, @Context HttpHeaders headers) {
        String partnership = partnership();
        TrailFilter filter = new TrailFilter(partnership, term("childRef", childRef), term("clientId", clientId),
                term("agency", agency), term("practitionerId", practitionerId), term("action", action),
                term("outcome", outcome), time("from", from), time("to", to));
        long after = cursor(cursor);
        if (limit < 1 || limit > 200) {
            throw ProblemException.badRequest("limit", "must be between 1 and 200");
        }
        return audit.recorded("audit.read", filter.childRef(), () -> {
            if (filter.childRef() != null && !queries.answersAbout(partnership, filter.childRef())) {
                // the same answer for a child of another partnership and for none: the trail does not tell which
                throw ProblemException.notFound("The audit trail of " + partnership + " has nothing about this child");
            }
            if (Representation.chosen(headers, List.of(MediaType.APPLICATION_JSON_TYPE, CSV_TYPE)).equals(CSV_TYPE)) {
                return Response.ok(csv(filter), CSV + "; charset=utf-8")
                        .header("Content-Disposition", "attachment; filename=\"audit-" + partnership + ".csv\"").build();
            }
            List<TrailRow> rows = queries.page(filter, after, limit);
            String next = rows.size() == limit ? Long.toString(rows.get(rows.size() - 1).sequence()) : null;
            return Response.ok(new Page(rows, next), MediaType.APPLICATION_JSON).build();
        });
    }

    @GET
    @Path("/verification")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Walks the caller's partnership's hash chain and reports the first broken link, if any",
            description = "problem CHANGED (a row's content or hash altered), MISSING (a sequence number skipped, or rows"
                    + " past the last one removed: the anchored head is ahead), OUT_OF_ORDER (a row does not follow the"
                    + " one before it)")
    @APIResponse(responseCode = "200", description = "Rows checked, intact or not, and the first break")
    public TrailVerification.Result verify() {
        String partnership = partnership();
        // the walk takes a snapshot of its own, outside any transaction; the read is recorded once it is done
        TrailVerification.Result result = verification.verify(partnership);
        audit.record("audit.verify", null, Audit.Outcome.SUCCESS);
        return result;
    }

    private String partnership() {
        String partnership = caller.partnership();
        if (!PARTNERSHIPS.contains(partnership)) {
            throw ProblemException.forbidden("The audit trail is read per partnership: the token names none");
        }
        return partnership;
    }

    private StreamingOutput csv(TrailFilter filter) {
        return out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            try {
                writer.write(TrailCsv.HEADER);
                queries.each(filter, row -> {
                    try {
                        writer.write(TrailCsv.line(row));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            writer.flush();
        };
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /**
     * A filter term as the trail stores its values: no control character (PostgreSQL refuses NUL outright, a 500
     * before this check) and no longer than any stored value, else a 400 naming the parameter, never echoing it.
     */
    private static String term(String field, String value) {
        String term = blankToNull(value);
        if (term != null && (term.length() > MAX_TERM || term.chars().anyMatch(Character::isISOControl))) {
            throw ProblemException.badRequest(field, "must be at most " + MAX_TERM + " printable characters");
        }
        return term;
    }

    private static OffsetDateTime time(String field, String value) {
        if (blankToNull(value) == null) {
            return null;
        }
        OffsetDateTime time;
        try {
            time = OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            try {
                time = LocalDate.parse(value).atStartOfDay().atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException notADate) {
                throw ProblemException.badRequest(field, "must be an RFC 3339 date-time or a date (yyyy-mm-dd)");
            }
        }
        if (!DateBounds.within(time.toLocalDate())) {
            throw ProblemException.badRequest(field, DateBounds.RULE);
        }
        return time;
    }

    private static long cursor(String cursor) {
        if (cursor == null) {
            return 0;
        }
        try {
            long seq = Long.parseLong(cursor);
            if (seq >= 0) {
                return seq;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ProblemException.badRequest("cursor", "must be a nextCursor from a previous page");
    }
}
