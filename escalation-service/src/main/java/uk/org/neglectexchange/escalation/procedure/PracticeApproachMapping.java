package uk.org.neglectexchange.escalation.procedure;

import java.util.Optional;

/**
 * Which practice approach an alert or an escalation serves: the one the partnership's current published edition maps
 * its drift rule (or the escalation procedure) to. An edition without a mapping, or without this rule in it, gives
 * none: an alert pointing practitioners at no approach is better than one pointing at the wrong one.
 */
public final class PracticeApproachMapping {

    private PracticeApproachMapping() {
    }

    public static Optional<EditionPublished.Approach> forRule(PartnershipProcedure procedure, String rule) {
        return Optional.ofNullable(procedure).map(p -> p.practiceApproaches)
                .map(EditionPublished.AlertApproaches::driftRules).map(rules -> rules.get(rule));
    }

    public static Optional<EditionPublished.Approach> forEscalation(PartnershipProcedure procedure) {
        return Optional.ofNullable(procedure).map(p -> p.practiceApproaches).map(EditionPublished.AlertApproaches::escalation);
    }
}
