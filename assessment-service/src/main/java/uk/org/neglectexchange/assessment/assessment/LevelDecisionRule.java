package uk.org.neglectexchange.assessment.assessment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import uk.org.neglectexchange.assessment.toolkit.EditionPublished;
import uk.org.neglectexchange.assessment.toolkit.ToolkitEdition;
import uk.org.neglectexchange.platform.problem.Problem.FieldError;

/**
 * Who decides a level (RULES.md "Who decides a level"): a partnership setting of the published edition, a list of
 * deciding agencies per level ({@code partnershipSettings.<partnership>.levelDecisions}); a level it does not list
 * is decided by any agency. Without the setting: level 4 (specialist: the front door's decision) and level 3 by
 * children's services only; a partnership whose early-help lead also decides level 3 names that agency in its
 * edition. Another agency completing at such a level proposes it, and a deciding agency confirms or changes it.
 */
public final class LevelDecisionRule {

    public static final String CHILDRENS_SERVICES = "CHILDRENS_SERVICES";

    static final Map<Integer, List<String>> DEFAULTS = Map.of(3, List.of(CHILDRENS_SERVICES), 4, List.of(CHILDRENS_SERVICES));

    private LevelDecisionRule() {
    }

    /** The agencies that decide this level in the partnership, or empty when any agency does. */
    public static List<String> decidingAgencies(ToolkitEdition edition, String partnership, int level) {
        Map<Integer, List<String>> decisions = edition.settings(partnership)
                .map(EditionPublished.PartnershipSettings::levelDecisions).orElse(DEFAULTS);
        return decisions.getOrDefault(level, List.of());
    }

    public static boolean mayDecide(ToolkitEdition edition, String partnership, int level, String agency) {
        List<String> deciding = decidingAgencies(edition, partnership, level);
        return deciding.isEmpty() || deciding.contains(agency);
    }

    /**
     * A decision on a proposed level: the level is one of the edition's and comes with its reason. Whether the caller
     * may decide it is {@link #mayDecide} (a 403, not a bad body).
     */
    public static List<FieldError> breaches(NewLevelDecision decision, ToolkitEdition edition) {
        List<FieldError> errors = new ArrayList<>();
        if (decision.level() == null) {
            errors.add(new FieldError("level", "is required: the level of need decided, 1 to 4"));
        } else if (edition.thresholdLevels.stream().map(EditionPublished.Level::level).noneMatch(decision.level()::equals)) {
            errors.add(new FieldError("level", "must be one of the edition's levels, 1 to 4"));
        }
        if (decision.reason() == null || decision.reason().isBlank()) {
            errors.add(new FieldError("reason", "is required: why the proposed level is confirmed or changed"));
        }
        return errors;
    }
}
