package uk.org.neglectexchange.assessment.audit;

import static org.hamcrest.MatcherAssert.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.hamcrest.Matcher;

import io.restassured.path.json.JsonPath;

/**
 * This service's audit rows about one child, oldest first, read straight from its audit_entry (the exchange's trail
 * is the gateway's now): {@code entries} with the trail's field names, asserted with the same GPath expressions.
 */
public final class AuditRows {

    private final JsonPath rows;

    private AuditRows(JsonPath rows) {
        this.rows = rows;
    }

    public static AuditRows forChild(DataSource db, String childRef) {
        List<Map<String, Object>> entries = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement query = c.prepareStatement(
                "select client_id as \"clientId\", partnership, agency, practitioner_id as \"practitionerId\", purpose,"
                        + " action, child_ref as \"childRef\", outcome, request_id as \"requestId\""
                        + " from audit_entry where child_ref = ? order by id")) {
            query.setString(1, childRef);
            try (ResultSet rs = query.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        entry.put(meta.getColumnLabel(i), rs.getString(i));
                    }
                    entries.add(entry);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new AuditRows(new JsonPath(toJson(entries)));
    }

    public AuditRows body(String path, Matcher<?> matcher) {
        assertThat(path, rows.get(path), (Matcher<Object>) matcher);
        return this;
    }

    public <T> T path(String path) {
        return rows.get(path);
    }

    private static String toJson(List<Map<String, Object>> entries) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Map.of("entries", entries));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
