package uk.org.neglectexchange.systemtests;

import java.util.Map;

/**
 * Settings one test class gives the gateway under test, beyond the suite's ({@link SuiteProcesses#AS_UNDER_TEST}
 * included); named by {@link SystemTest#gateway()}. Needs a public no-argument constructor. This one adds nothing.
 */
public class GatewayProfile {

    /** {@code -D} settings of the gateway's process: they win over the suite's. */
    public Map<String, String> overrides() {
        return Map.of();
    }
}
