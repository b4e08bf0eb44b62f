package uk.org.neglectexchange.systemtests;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * assessment-service keeps the children's identity keys in a database of its own (datasource {@code identity-keys},
 * never in the assessment database's backups): every instance the tests start gets one next to its assessment
 * database ({@code nx_assessment_x} → {@code nx_identity_keys_x}), never the local suite's.
 */
public final class IdentityKeyStores {

    private IdentityKeyStores() {
    }

    /** The key store's database next to an assessment database. */
    public static String of(String assessmentDatabase) {
        return assessmentDatabase.replace("nx_assessment", "nx_identity_keys");
    }

    /** The settings that point an instance at the key store; {@code clean}: emptied at start, as its database is. */
    public static Map<String, String> settings(String jdbcUrl, boolean clean) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("quarkus.datasource.identity-keys.jdbc.url", jdbcUrl);
        if (clean) {
            settings.put("quarkus.flyway.identity-keys.clean-disabled", "false");
            settings.put("quarkus.flyway.identity-keys.clean-at-start", "true");
        }
        return settings;
    }

    /** Creates the database (owned by nx_assessment, as deploy/lib/postgres.sh does) on the shared PostgreSQL if missing. */
    public static void ensure(String database) {
        String url = "jdbc:postgresql://" + System.getenv().getOrDefault("NX_PG_HOST", "127.0.0.1") + ":"
                + System.getenv().getOrDefault("NX_PG_PORT", "5432") + "/postgres";
        try (Connection db = DriverManager.getConnection(url, "postgres", ""); Statement sql = db.createStatement()) {
            try (ResultSet rs = sql.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            sql.execute("create database \"" + database + "\" owner nx_assessment");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create " + database + ": " + e.getMessage(), e);
        }
    }
}
