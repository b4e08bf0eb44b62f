package uk.org.neglectexchange.systemtests.faults;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Request and worker threads of a process caught inside the PostgreSQL driver or the connection pool in two thread
 * dumps two seconds apart: after the database has been back a while, such a thread is hung, not busy.
 */
final class ThreadDumps {

    private ThreadDumps() {
    }

    static int stuckInDatabase(long pid) throws IOException, InterruptedException {
        Set<String> first = inDatabase(pid);
        Thread.sleep(2000);
        Set<String> second = inDatabase(pid);
        second.retainAll(first);
        return second.size();
    }

    private static Set<String> inDatabase(long pid) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process dump = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), "Thread.print").redirectErrorStream(true).start();
        String text = new String(dump.getInputStream().readAllBytes());
        dump.waitFor();
        Set<String> names = new HashSet<>();
        for (String block : text.split("\n\\s*\n")) {
            String head = block.strip();
            if (!head.startsWith("\"executor-thread") && !head.startsWith("\"vert.x-worker-thread")) {
                continue;
            }
            if (block.contains("org.postgresql.") || block.contains("io.agroal.")) {
                names.add(head.substring(0, head.indexOf('"', 1) + 1));
            }
        }
        return names;
    }
}
