package uk.org.neglectexchange.platform.probe;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import uk.org.neglectexchange.platform.negotiation.Representation;
import uk.org.neglectexchange.platform.outbox.Outbox;
import uk.org.neglectexchange.platform.problem.ProblemException;

/**
 * A resource of the platform's own test application, standing for any service's: a JSON body of text, numbers, dates
 * and nested objects, a lookup by a path value, a search by a query parameter, and a write that appends an event.
 * Whatever the library does to requests and answers, it does here as in every service.
 */
@Path("/probe")
@Produces(MediaType.APPLICATION_JSON)
public class ProbeResource {

    public record Person(String givenName, String familyName, LocalDate dateOfBirth, Integer visits, List<Note> notes) {
    }

    public record Note(String name, LocalDate dueOn) {
    }

    @Inject
    Outbox outbox;

    @POST
    @Path("people")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(Person person) {
        return Response.status(201).entity(Map.of("registered", true)).build();
    }

    @GET
    @Path("people/{ref: [^/]+}")
    public Person find(@PathParam("ref") String ref) {
        throw ProblemException.notFound("No person has this reference");
    }

    @GET
    @Path("people")
    public List<Person> search(@QueryParam("area") String area) {
        return List.of();
    }

    /** Appends a probe.happened event, keyed by a new reference that it answers with. */
    @POST
    @Path("events")
    @Transactional
    public Map<String, String> happen() {
        String ref = "probe-" + UUID.randomUUID();
        outbox.append("probe.happened", ref, "probe/" + ref, "HSCP", Map.of("ref", ref));
        return Map.of("ref", ref);
    }

    /** A report as JSON (the default), CSV or PDF: it answers with the one {@link Representation} chose. */
    @GET
    @Path("report")
    @Produces({ MediaType.APPLICATION_JSON, "text/csv", "application/pdf" })
    public Response report(@Context HttpHeaders headers) {
        MediaType chosen = Representation.chosen(headers, List.of(MediaType.APPLICATION_JSON_TYPE,
                MediaType.valueOf("text/csv"), MediaType.valueOf("application/pdf")));
        return Response.ok(chosen.equals(MediaType.APPLICATION_JSON_TYPE) ? "{\"report\":true}" : "report", chosen).build();
    }
}
