package uk.org.neglectexchange.gateway.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Walks a partnership's chain from its first row and reports the first broken link: a row whose hash is not that of
 * its content ({@code CHANGED}), a sequence number skipped ({@code MISSING}: a row removed), a row that does not
 * follow the one before it ({@code OUT_OF_ORDER}: its previous hash is another row's). Then the anchored head: a
 * head beyond the last row means the last rows were removed ({@code MISSING}), a head hash that differs means the
 * last row was rewritten whole ({@code CHANGED}).
 */
@ApplicationScoped
public class TrailVerification {

    public enum Problem {
        CHANGED, MISSING, OUT_OF_ORDER
    }

    public record Break(long sequence, Problem problem) {
    }

    public record Result(String partnership, long rowsChecked, boolean intact, Break firstBreak) {
    }

    @Inject
    DataSource db;

    public Result verify(String partnership) {
        try (Connection c = db.getConnection()) {
            // one snapshot for the walk and the head, read in pages of the driver's fetch size
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                return walk(c, partnership);
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the audit trail could not be read", e);
        }
    }

    private Result walk(Connection c, String partnership) throws SQLException {
        long checked = 0;
        long expected = 1;
        String prevHash = ChainHash.GENESIS;
        try (PreparedStatement query = c.prepareStatement(
                "select " + TrailRow.COLUMNS + " from audit_trail where partnership = ? order by seq")) {
            query.setFetchSize(1000);
            query.setString(1, partnership);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    TrailRow row = TrailRow.of(rs);
                    checked++;
                    if (row.sequence() != expected) {
                        return broken(partnership, checked, expected, Problem.MISSING);
                    }
                    if (!ChainHash.of(row.prevHash(), row).equals(row.hash())) {
                        return broken(partnership, checked, row.sequence(), Problem.CHANGED);
                    }
                    if (!row.prevHash().equals(prevHash)) {
                        return broken(partnership, checked, row.sequence(), Problem.OUT_OF_ORDER);
                    }
                    prevHash = row.hash();
                    expected++;
                }
            }
        }
        return againstHead(c, partnership, checked, expected - 1, prevHash);
    }

    private Result againstHead(Connection c, String partnership, long checked, long lastSeq, String lastHash)
            throws SQLException {
        try (PreparedStatement query = c.prepareStatement("select seq, hash from audit_trail_head where partnership = ?")) {
            query.setString(1, partnership);
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) {
                    return checked == 0 ? new Result(partnership, 0, true, null)
                            : broken(partnership, checked, 1, Problem.CHANGED);
                }
                if (rs.getLong("seq") > lastSeq) {
                    return broken(partnership, checked, lastSeq + 1, Problem.MISSING);
                }
                if (rs.getLong("seq") < lastSeq || !rs.getString("hash").equals(lastHash)) {
                    return broken(partnership, checked, lastSeq, Problem.CHANGED);
                }
            }
        }
        return new Result(partnership, checked, true, null);
    }

    private static Result broken(String partnership, long checked, long sequence, Problem problem) {
        return new Result(partnership, checked, false, new Break(sequence, problem));
    }
}
