package uk.org.neglectexchange.escalation.drift;

import java.util.Map;

/** A partnership's drift clocks, from its published toolkit edition (PartnershipProcedure.driftRules). */
public record DriftSettings(Map<String, Integer> values) {

    /** The edition does not set a clock a rule needs: the rule is not evaluated, rather than run on a guess. */
    public static class MissingSetting extends RuntimeException {
        MissingSetting(String name) {
            super("the published edition sets no " + name);
        }
    }

    public int value(String name) {
        Integer value = values == null ? null : values.get(name);
        if (value == null) {
            throw new MissingSetting(name);
        }
        return value;
    }
}
