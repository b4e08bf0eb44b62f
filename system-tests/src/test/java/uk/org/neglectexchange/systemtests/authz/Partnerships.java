package uk.org.neglectexchange.systemtests.authz;

import java.util.List;

/** The three partnerships and the toolkit family each one uses. */
final class Partnerships {

    static final List<String> ALL = List.of("HSCP", "IOWSCP", "WSSCP");

    private Partnerships() {
    }

    static String family(String partnership) {
        return "WSSCP".equals(partnership) ? "WS" : "HIOW";
    }

    /** Another partnership than this one (the next in the list). */
    static String next(String partnership) {
        return ALL.get((ALL.indexOf(partnership) + 1) % ALL.size());
    }
}
