package uk.org.neglectexchange.systemtests.faults;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The shared PostgreSQL (deploy/bin/up), which the replica run uses but never stops: its databases read and emptied
 * as the {@code postgres} role, as the other system tests do.
 */
final class SharedPostgres {

    private SharedPostgres() {
    }

    static String jdbcUrl(String database) {
        return "jdbc:postgresql://" + System.getenv().getOrDefault("NX_PG_HOST", "127.0.0.1") + ":"
                + System.getenv().getOrDefault("NX_PG_PORT", "5432") + "/" + database;
    }

    static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), "postgres", "");
    }

    /** Drops everything in the database's public schema, so the services' Flyway starts from nothing. */
    static void empty(String database) throws SQLException {
        try (Connection db = connect(database); Statement sql = db.createStatement()) {
            String owner;
            try (ResultSet rs = sql.executeQuery(
                    "select pg_get_userbyid(datdba) from pg_database where datname = current_database()")) {
                rs.next();
                owner = rs.getString(1);
            }
            sql.execute("drop schema if exists public cascade");
            sql.execute("create schema public authorization \"" + owner + "\"");
        }
    }

    static long count(String database, String query) throws SQLException {
        try (Connection db = connect(database); Statement sql = db.createStatement(); ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static List<UUID> ids(String database, String query) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (Connection db = connect(database); Statement sql = db.createStatement(); ResultSet rs = sql.executeQuery(query)) {
            while (rs.next()) {
                ids.add(rs.getObject(1, UUID.class));
            }
        }
        return ids;
    }
}
