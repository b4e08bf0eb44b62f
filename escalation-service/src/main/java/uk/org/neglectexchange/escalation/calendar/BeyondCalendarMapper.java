package uk.org.neglectexchange.escalation.calendar;

import java.util.List;

import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import uk.org.neglectexchange.platform.calendar.BeyondCalendarException;
import uk.org.neglectexchange.platform.problem.Problem;
import uk.org.neglectexchange.platform.problem.ProblemMappers;

/** The shipped bank holidays end before the deadline: refuse rather than count on a guessed calendar. */
public class BeyondCalendarMapper {

    private static final Logger LOG = Logger.getLogger(BeyondCalendarMapper.class);

    @ServerExceptionMapper
    public Response beyondCalendar(BeyondCalendarException e, SimpleResourceInfo resource) {
        LOG.error(e.getMessage());
        return ProblemMappers.respond(Problem.of(503, "Service Unavailable", "The working-day calendar does not reach this"
                + " deadline yet; the operators have been told", ProblemMappers.instance(resource), List.of()));
    }
}
