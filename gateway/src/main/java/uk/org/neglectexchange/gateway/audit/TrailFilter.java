package uk.org.neglectexchange.gateway.audit;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * What the DPO asked for, as SQL over one partnership's trail: every filter optional, {@code from} inclusive and
 * {@code to} exclusive, {@code after} a sequence number (the cursor).
 */
record TrailFilter(String partnership, String childRef, String clientId, String agency, String practitionerId,
        String action, String outcome, OffsetDateTime from, OffsetDateTime to) {

    /** The where clause and, in {@code parameters}, its values in order. */
    String where(long after, List<Object> parameters) {
        List<String> terms = new ArrayList<>();
        add(terms, parameters, "partnership = ?", partnership);
        add(terms, parameters, "seq > ?", after);
        add(terms, parameters, "child_ref = ?", childRef);
        add(terms, parameters, "client_id = ?", clientId);
        add(terms, parameters, "agency = ?", agency);
        add(terms, parameters, "practitioner_id = ?", practitionerId);
        add(terms, parameters, "action = ?", action);
        add(terms, parameters, "outcome = ?", outcome);
        add(terms, parameters, "at >= ?", from);
        add(terms, parameters, "at < ?", to);
        return String.join(" and ", terms);
    }

    private static void add(List<String> terms, List<Object> parameters, String term, Object value) {
        if (value != null) {
            terms.add(term);
            parameters.add(value);
        }
    }
}
