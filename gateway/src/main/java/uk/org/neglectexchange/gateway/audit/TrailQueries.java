package uk.org.neglectexchange.gateway.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Reads one partnership's trail in sequence order: a page, or every row of a filter in pages (the CSV export). */
@ApplicationScoped
public class TrailQueries {

    private static final int EXPORT_PAGE = 1000;

    @Inject
    DataSource db;

    public List<TrailRow> page(TrailFilter filter, long after, int limit) {
        List<Object> parameters = new ArrayList<>();
        String sql = "select " + TrailRow.COLUMNS + " from audit_trail where " + filter.where(after, parameters)
                + " order by seq limit " + limit;
        List<TrailRow> rows = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                query.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    rows.add(TrailRow.of(rs));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the audit trail could not be read", e);
        }
        return rows;
    }

    /** Every row of the filter, a page at a time, so an export of years holds one page in memory. */
    public void each(TrailFilter filter, Consumer<TrailRow> sink) {
        long after = 0;
        List<TrailRow> page;
        do {
            page = page(filter, after, EXPORT_PAGE);
            page.forEach(sink);
            after = page.isEmpty() ? after : page.get(page.size() - 1).sequence();
        } while (page.size() == EXPORT_PAGE);
    }

    /**
     * Whether the trail answers about this child: a child the dashboard knows to be of another partnership is not the
     * caller's to ask about (404, as every other read of another partnership's child), even where the caller's own
     * agencies' refused attempts on it are in its trail (they stay in the unfiltered trail); otherwise, when its rows
     * mention the child.
     */
    public boolean answersAbout(String partnership, String childRef) {
        Optional<String> childsPartnership = partnershipOf(childRef);
        if (childsPartnership.isPresent() && !childsPartnership.get().equals(partnership)) {
            return false;
        }
        return !page(new TrailFilter(partnership, childRef, null, null, null, null, null, null, null), 0, 1).isEmpty();
    }

    private Optional<String> partnershipOf(String childRef) {
        try (Connection c = db.getConnection();
                PreparedStatement query = c.prepareStatement("select partnership from dashboard_child where child_ref = ?")) {
            query.setString(1, childRef);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the child's partnership could not be read", e);
        }
    }
}
