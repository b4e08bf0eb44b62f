package uk.org.neglectexchange.assessment.chronology;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import uk.org.neglectexchange.platform.problem.ProblemException;

/**
 * The filters of a chronology read, parsed here rather than by the REST layer so that every bad one is a 400
 * naming its parameter (a query parameter the framework cannot convert would otherwise be a bare 404).
 */
record ChronologyQuery(List<String> agencies, List<EntryType> types, Optional<LocalDate> from, Optional<LocalDate> to,
        boolean includeSuperseded, int limit, Optional<ChronologyCursor> after) {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    static ChronologyQuery parse(List<String> agencies, List<String> types, String from, String to,
            String includeSuperseded, String limit, String cursor) {
        for (String agency : agencies) {
            if (!agency.matches("[A-Z_]{1,60}")) {
                throw ProblemException.badRequest("agency", "must be an agency code such as HEALTH, EDUCATION, POLICE or CHILDRENS_SERVICES");
            }
        }
        List<EntryType> entryTypes = types.stream().map(ChronologyQuery::type).toList();
        Optional<LocalDate> fromDate = date("from", from);
        Optional<LocalDate> toDate = date("to", to);
        if (fromDate.isPresent() && toDate.isPresent() && toDate.get().isBefore(fromDate.get())) {
            throw ProblemException.badRequest("to", "is before from");
        }
        return new ChronologyQuery(agencies, entryTypes, fromDate, toDate, bool(includeSuperseded), limit(limit),
                Optional.ofNullable(blankToNull(cursor)).map(ChronologyCursor::decode));
    }

    private static EntryType type(String type) {
        try {
            return EntryType.valueOf(type);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("type", "must be one of the chronology entry types, e.g. CONCERN or REFERRAL");
        }
    }

    /** A date of a child's life: years 1900–2100 (a year like +999999999 overflowed the range arithmetic, a 500). */
    private static Optional<LocalDate> date(String name, String value) {
        try {
            Optional<LocalDate> date = Optional.ofNullable(blankToNull(value)).map(LocalDate::parse);
            if (date.isPresent() && (date.get().getYear() < 1900 || date.get().getYear() > 2100)) {
                throw ProblemException.badRequest(name, "must be a date from 1900-01-01 to 2100-12-31");
            }
            return date;
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name, "must be a date, yyyy-mm-dd");
        }
    }

    private static boolean bool(String value) {
        if (value == null || value.isBlank()) {
            return true;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.badRequest("includeSuperseded", "must be true or false");
        };
    }

    private static int limit(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below, like any other out-of-range value
        }
        throw ProblemException.badRequest("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
