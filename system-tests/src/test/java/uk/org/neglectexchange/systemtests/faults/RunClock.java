package uk.org.neglectexchange.systemtests.faults;

/** Milliseconds since the fault run started: one time line for the load's attempts and the faults' moments. */
final class RunClock {

    private final long startNanos = System.nanoTime();

    long ms() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
