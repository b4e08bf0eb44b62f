package uk.org.neglectexchange.gateway.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One row of a partnership's audit trail, as stored and as the DPO reads it. */
public record TrailRow(String partnership, long sequence, UUID eventId, String service, long entryId,
        OffsetDateTime at, String clientId, String agency, String practitionerId, String purpose, String action,
        String childRef, String outcome, String requestId, String prevHash, String hash) {

    static final String COLUMNS = "partnership, seq, event_id, service, entry_id, at, client_id, agency,"
            + " practitioner_id, purpose, action, child_ref, outcome, request_id, prev_hash, hash";

    static TrailRow of(ResultSet rs) throws SQLException {
        return new TrailRow(rs.getString("partnership"), rs.getLong("seq"), rs.getObject("event_id", UUID.class),
                rs.getString("service"), rs.getLong("entry_id"), rs.getObject("at", OffsetDateTime.class),
                rs.getString("client_id"), rs.getString("agency"), rs.getString("practitioner_id"),
                rs.getString("purpose"), rs.getString("action"), rs.getString("child_ref"), rs.getString("outcome"),
                rs.getString("request_id"), rs.getString("prev_hash"), rs.getString("hash"));
    }
}
