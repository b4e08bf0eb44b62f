package uk.org.neglectexchange.systemtests.consumers;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads the run's databases as the postgres role (as SuiteState does); creates the replay's fresh ones. */
final class Databases {

    private Databases() {
    }

    static long count(String database, String sql) {
        try (Connection db = connect(database); Statement statement = db.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read " + database + ": " + e.getMessage(), e);
        }
    }

    /** Outbox rows not yet acknowledged by Kafka: while any remain, events are still on their way. */
    static long unpublished(String database) {
        return count(database, "select count(*) from outbox_event where published_at is null");
    }

    /**
     * Per table: its row count and the md5 of its rows' text, sorted, over every column but the excluded ones, so
     * the checksum depends on what the rows say and not on their physical order.
     */
    static Map<String, String> checksums(String database, Map<String, List<String>> tables) {
        Map<String, String> sums = new TreeMap<>();
        try (Connection db = connect(database); Statement sql = db.createStatement()) {
            for (Map.Entry<String, List<String>> table : tables.entrySet()) {
                String[] nameAndFilter = table.getKey().split(" where ", 2);
                String filter = nameAndFilter.length == 2 ? " where " + nameAndFilter[1] : "";
                List<String> columns = new ArrayList<>();
                try (ResultSet rs = sql.executeQuery("select column_name from information_schema.columns where table_schema"
                        + " = 'public' and table_name = '" + nameAndFilter[0] + "' order by ordinal_position")) {
                    while (rs.next()) {
                        if (!table.getValue().contains(rs.getString(1))) {
                            columns.add('"' + rs.getString(1) + '"');
                        }
                    }
                }
                if (columns.isEmpty()) {
                    throw new IllegalStateException(database + " has no table " + table.getKey());
                }
                String row = "row(" + String.join(", ", columns) + ")::text";
                try (ResultSet rs = sql.executeQuery("select count(*) || ' rows, md5 ' || coalesce(md5(string_agg(" + row
                        + ", E'\\n' order by " + row + ")), '-') from public.\"" + nameAndFilter[0] + "\"" + filter)) {
                    rs.next();
                    sums.put(table.getKey(), rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read " + database + ": " + e.getMessage(), e);
        }
        return sums;
    }

    /** A database for a fresh consumer instance (its Flyway cleans it at start, so an old one is as good as new). */
    static void ensure(String database, String owner) {
        try (Connection db = connect("postgres"); Statement sql = db.createStatement()) {
            try (ResultSet rs = sql.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            sql.execute("create database \"" + database + "\" owner \"" + owner + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create " + database + ": " + e.getMessage(), e);
        }
    }

    static String jdbcUrl(String database) {
        return "jdbc:postgresql://" + System.getenv().getOrDefault("NX_PG_HOST", "127.0.0.1") + ":"
                + System.getenv().getOrDefault("NX_PG_PORT", "5432") + "/" + database;
    }

    private static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), "postgres", "");
    }
}
