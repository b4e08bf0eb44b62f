package uk.org.neglectexchange.platform.problem;

import java.sql.SQLException;
import java.util.Set;

/**
 * Whether a failure means the database cannot be reached for now (down, restarting, the connection lost, no pooled
 * connection within the acquisition timeout), rather than a fault in the request or the code: then the answer is a
 * 503 the client may retry, not a 500.
 */
public final class DatabaseUnavailable {

    /** PostgreSQL's admin_shutdown, crash_shutdown, cannot_connect_now and too_many_connections. */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

    private DatabaseUnavailable() {
    }

    public static boolean causedBy(Throwable failure) {
        return causedBy(failure, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
    }

    /** Causes and suppressed exceptions both: a failed commit's RollbackException carries the driver's as suppressed. */
    private static boolean causedBy(Throwable t, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return false;
        }
        if (t instanceof SQLException sql && unavailable(sql)) {
            return true;
        }
        for (Throwable suppressed : t.getSuppressed()) {
            if (causedBy(suppressed, seen)) {
                return true;
            }
        }
        return causedBy(t.getCause(), seen);
    }

    private static boolean unavailable(SQLException sql) {
        String state = sql.getSQLState();
        if (state != null) {
            // class 08: connection exception (refused, broken, closed)
            return state.startsWith("08") || UNAVAILABLE_STATES.contains(state);
        }
        // Agroal's own timeouts carry no SQL state
        String message = String.valueOf(sql.getMessage()).toLowerCase(java.util.Locale.ROOT);
        return message.contains("acquisition timeout");
    }
}
