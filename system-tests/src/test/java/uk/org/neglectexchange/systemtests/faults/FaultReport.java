package uk.org.neglectexchange.systemtests.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The fault run's figures as text: the load as generated, per fault what the client saw, then the reconciliation. */
final class FaultReport {

    private FaultReport() {
    }

    static List<WriteLoad.Attempt> attemptsBetween(WriteLoad load, long fromMs, long toMs) {
        return load.attempts.stream().filter(a -> a.sentAtMs() >= fromMs && a.sentAtMs() < toMs).toList();
    }

    /** "(201 × 812, 503 × 4, no answer × 2)". */
    static String byStatus(List<WriteLoad.Attempt> attempts) {
        Map<Integer, Long> counts = new TreeMap<>(attempts.stream()
                .collect(Collectors.groupingBy(WriteLoad.Attempt::status, Collectors.counting())));
        return counts.entrySet().stream()
                .map(e -> (e.getKey() == WriteLoad.NO_ANSWER ? "no answer" : String.valueOf(e.getKey())) + " × " + e.getValue())
                .collect(Collectors.joining(", ", "(", ")"));
    }

    static String render(double rate, long loadStartMs, long loadEndMs, WriteLoad load, List<Fault> faults,
            Map<String, Long> figures, Map<String, String> stored, String runId) {
        StringBuilder out = new StringBuilder();
        double seconds = (loadEndMs - loadStartMs) / 1000.0;
        List<Long> lags = new ArrayList<>(load.lagMs);
        lags.sort(Long::compare);
        long late = lags.stream().filter(l -> l > 100).count();
        out.append(String.format("%nFAULTS UNDER LOAD (run %s)%n", runId));
        out.append(String.format("load: %d writes scheduled at %.0f/s over %.0f s: achieved %.1f writes/s; schedule lag p50 %d ms,"
                + " p99 %d ms, max %d ms; %d writes sent over 100 ms late%n", load.scheduled(), rate, seconds,
                load.scheduled() / seconds, pct(lags, 50), pct(lags, 99), lags.isEmpty() ? 0 : lags.get(lags.size() - 1), late));
        List<WriteLoad.Attempt> all = List.copyOf(load.attempts);
        out.append(String.format("attempts: %d %s, retries %d%n%n", all.size(), byStatus(all),
                all.stream().filter(a -> a.attempt() > 1).count()));
        out.append(String.format("%-48s %8s %8s %8s %8s %6s %s%n", "fault", "writes", "attempts", "2xx", "retries", "lost",
                "not 2xx by status"));
        for (Fault fault : faults) {
            out.append(row(load, fault, stored, runId));
        }
        out.append('\n');
        for (Fault fault : faults) {
            out.append(fault.name()).append(":\n");
            fault.measured().forEach((k, v) -> out.append("  ").append(k).append(": ").append(v).append('\n'));
        }
        out.append("\nreconciliation (databases and topics):\n");
        figures.forEach((name, value) -> out.append(String.format("  %-62s %d%n", name, value)));
        return out.toString();
    }

    private static String row(WriteLoad load, Fault fault, Map<String, String> stored, String runId) {
        String name = fault.name();
        long start = fault.startMs();
        long end = fault.endMs();
        List<WriteLoad.Attempt> attempts = attemptsBetween(load, start, end);
        List<Integer> writes = load.dueAtMs.entrySet().stream().filter(e -> e.getValue() >= start && e.getValue() < end)
                .map(Map.Entry::getKey).toList();
        long lost = writes.stream().filter(load.acknowledged::containsKey)
                .filter(w -> !stored.containsKey(WriteLoad.key(runId, w))).count();
        List<WriteLoad.Attempt> failed = attempts.stream().filter(a -> a.status() / 100 != 2).toList();
        return String.format("%-48s %8d %8d %8d %8d %6d %s%n", name, writes.size(), attempts.size(),
                attempts.size() - failed.size(), attempts.stream().filter(a -> a.attempt() > 1).count(), lost,
                failed.isEmpty() ? "-" : byStatus(failed));
    }

    private static long pct(List<Long> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
    }
}
