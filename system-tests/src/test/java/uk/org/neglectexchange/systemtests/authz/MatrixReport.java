package uk.org.neglectexchange.systemtests.authz;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import uk.org.neglectexchange.systemtests.authz.Http.Reply;

/** Counts per operation and expected answer, and every call that did not get it. */
final class MatrixReport {

    private static final List<String> COLUMNS = List.of("2xx", "401", "403", "404");

    private record Mismatch(String operation, String caller, String target, int expected, Reply reply) {
        @Override
        public String toString() {
            return operation + " | " + caller + " | " + target + " | expected " + expected + " | got " + reply.status()
                    + (reply.status() >= 400 && !reply.problemJson() ? " (not problem+json: " + reply.contentType() + ")" : "")
                    + (reply.detail().isEmpty() ? "" : " | " + reply.detail());
        }
    }

    private final Map<String, Map<String, int[]>> byOperation = new LinkedHashMap<>();
    private final List<Mismatch> mismatches = new ArrayList<>();
    private int calls;

    void record(String operation, String caller, String target, int expected, Reply reply) {
        calls++;
        boolean matched = reply.status() == expected && (expected < 400 || reply.problemJson());
        String column = expected < 300 ? "2xx" : String.valueOf(expected);
        int[] counts = byOperation.computeIfAbsent(operation, o -> new LinkedHashMap<>())
                .computeIfAbsent(column, c -> new int[2]);
        counts[0]++;
        if (matched) {
            counts[1]++;
        } else {
            mismatches.add(new Mismatch(operation, caller, target, expected, reply));
        }
    }

    int calls() {
        return calls;
    }

    int mismatches() {
        return mismatches.size();
    }

    String mismatchList(int limit) {
        StringBuilder list = new StringBuilder();
        mismatches.stream().limit(limit).forEach(m -> list.append("  ").append(m).append('\n'));
        if (mismatches.size() > limit) {
            list.append("  … and ").append(mismatches.size() - limit).append(" more\n");
        }
        return list.toString();
    }

    String markdown(int callers, int operations, int fixtureCalls, Map<String, Duration> durations) {
        StringBuilder md = new StringBuilder("# Authorization matrix\n\n");
        md.append(operations).append(" operations of /q/openapi x ").append(callers).append(" callers of the realm, on each "
                + "partnership's objects (once where the path names none); then 7 bad tokens per operation, through the "
                + "gateway and straight to the owning service. Rows \"naming another partnership's …\": an object of "
                + "another partnership named in the body of a request on the caller's own child.\n\n");
        md.append("Each cell: calls that matched / calls expected to get that answer (2xx: allowed and done; 401: bad "
                + "or missing token; 403: role or rule refuses; 404: another partnership's object, or an escalation "
                + "the agency is not party to).\n\n");
        md.append("| operation | 2xx | 401 | 403 | 404 | mismatches |\n|---|---|---|---|---|---|\n");
        int[] totals = new int[COLUMNS.size() * 2];
        byOperation.forEach((operation, counts) -> {
            md.append("| `").append(operation).append("` |");
            int missed = 0;
            for (int i = 0; i < COLUMNS.size(); i++) {
                int[] c = counts.getOrDefault(COLUMNS.get(i), new int[2]);
                md.append(' ').append(c[0] == 0 ? "" : c[1] + "/" + c[0]).append(" |");
                totals[2 * i] += c[0];
                totals[2 * i + 1] += c[1];
                missed += c[0] - c[1];
            }
            md.append(' ').append(missed == 0 ? "" : "**" + missed + "**").append(" |\n");
        });
        md.append("| **all** |");
        for (int i = 0; i < COLUMNS.size(); i++) {
            md.append(' ').append(totals[2 * i + 1]).append('/').append(totals[2 * i]).append(" |");
        }
        md.append(" **").append(mismatches.size()).append("** |\n\n");
        md.append("Checked calls: ").append(calls).append(", matched: ").append(calls - mismatches.size())
                .append(", mismatches: ").append(mismatches.size()).append(". Fixture calls (not counted): ")
                .append(fixtureCalls).append(".\n\n");
        md.append("Durations: ");
        durations.forEach((name, d) -> md.append(name).append(' ').append(String.format("%.1f s", d.toMillis() / 1000.0)).append("; "));
        md.append("\n");
        if (!mismatches.isEmpty()) {
            md.append("\n## Mismatches\n\n| operation | caller | target | expected | got |\n|---|---|---|---|---|\n");
            mismatches.forEach(m -> md.append("| `").append(m.operation()).append("` | ").append(m.caller()).append(" | ")
                    .append(m.target()).append(" | ").append(m.expected()).append(" | ").append(m.reply().status())
                    .append(m.reply().detail().isEmpty() ? "" : ": " + m.reply().detail().replace("|", "\\|")).append(" |\n"));
        }
        return md.toString();
    }
}
