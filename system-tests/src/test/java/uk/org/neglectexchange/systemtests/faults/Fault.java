package uk.org.neglectexchange.systemtests.faults;

import java.util.Map;

/** One fault of the run: its window on the run's clock and what was measured in it ("FAILED" names a missed target). */
record Fault(String name, long startMs, long endMs, Map<String, String> measured) {
}
