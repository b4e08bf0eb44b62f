package uk.org.neglectexchange.gateway.audit;

import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A trail row as a CSV line (RFC 4180). A value a spreadsheet would take for a formula (starting = + - @) is
 * prefixed with an apostrophe, so opening the export runs nothing.
 */
final class TrailCsv {

    static final String HEADER = "sequence,at,service,entryId,clientId,agency,practitionerId,purpose,action,childRef,"
            + "outcome,requestId,hash\r\n";

    private TrailCsv() {
    }

    static String line(TrailRow row) {
        return Stream.of(Long.toString(row.sequence()), ChainHash.time(row.at()), row.service(),
                Long.toString(row.entryId()), row.clientId(), row.agency(), row.practitionerId(), row.purpose(),
                row.action(), row.childRef(), row.outcome(), row.requestId(), row.hash())
                .map(TrailCsv::field).collect(Collectors.joining(",", "", "\r\n"));
    }

    private static String field(String value) {
        if (value == null) {
            return "";
        }
        String safe = value.matches("^[=+\\-@].*") ? "'" + value : value;
        return safe.matches(".*[\",\r\n].*") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
