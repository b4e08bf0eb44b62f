package uk.org.neglectexchange.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;

import jakarta.ws.rs.core.Response;

import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/**
 * A database that cannot be reached is a 503 the client may retry, not a 500 (the fault run killed PostgreSQL and
 * every write in flight was answered 500). The exceptions are the ones the driver, Hibernate and Agroal threw then.
 */
class DatabaseUnavailableTest {

    @Test
    void refusedLostAndTerminatedConnectionsAndPoolTimeoutsAreUnavailable() {
        assertTrue(DatabaseUnavailable.causedBy(new PSQLException("Connection to 127.0.0.1:5432 refused",
                PSQLState.CONNECTION_UNABLE_TO_CONNECT)));
        assertTrue(DatabaseUnavailable.causedBy(new JDBCConnectionException("JDBC exception executing SQL",
                new PSQLException("An I/O error occurred while sending to the backend.", PSQLState.CONNECTION_FAILURE))));
        assertTrue(DatabaseUnavailable.causedBy(new IllegalStateException("wrapped", new SQLException(
                "FATAL: terminating connection due to unexpected postmaster exit", "57P01"))));
        assertTrue(DatabaseUnavailable.causedBy(new SQLException("the database system is starting up", "57P03")));
        assertTrue(DatabaseUnavailable.causedBy(new SQLException("Sorry, acquisition timeout!")));
    }

    @Test
    void aCommitThatFailedAsTheDatabaseDiedIsUnavailable() {
        // Narayana's RollbackException carries the driver's exception as suppressed, not as its cause
        Exception rollback = new IllegalStateException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(new PSQLException("This connection has been closed.", PSQLState.CONNECTION_DOES_NOT_EXIST));
        assertTrue(DatabaseUnavailable.causedBy(new RuntimeException("wrapped", rollback)));
    }

    @Test
    void otherDatabaseErrorsAreNot() {
        assertFalse(DatabaseUnavailable.causedBy(new SQLException("duplicate key value", "23505")));
        assertFalse(DatabaseUnavailable.causedBy(new SQLException("syntax error", "42601")));
        assertFalse(DatabaseUnavailable.causedBy(new IllegalStateException("not a database problem")));
    }

    @Test
    void answeredAs503ProblemWithRetryAfter() {
        Response response = new ProblemMappers().unexpected(new JDBCConnectionException("JDBC exception",
                new PSQLException("This connection has been closed.", PSQLState.CONNECTION_DOES_NOT_EXIST)), null);
        assertEquals(503, response.getStatus());
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
        assertEquals("2", response.getHeaderString("Retry-After"));
        assertEquals("The database is unavailable for a moment; send the request again shortly",
                ((Problem) response.getEntity()).detail());
    }

    @Test
    void anyOtherFailureIsStill500() {
        assertEquals(500, new ProblemMappers().unexpected(new IllegalStateException("a bug"), null).getStatus());
    }
}
