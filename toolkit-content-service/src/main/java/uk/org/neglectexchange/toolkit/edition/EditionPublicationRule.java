package uk.org.neglectexchange.toolkit.edition;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import uk.org.neglectexchange.platform.problem.Problem.FieldError;

/**
 * What a draft must satisfy before it is published: levels 1–4 each exactly once, only and all of Howe's four
 * categories, codes unique within each list (indicator codes prefixed by the family, so another family's code is
 * recognisable), settings for every partnership of the family (a partnership saying who decides levels keeps
 * level 4, the local authority's statutory decision, with children's services), and an alert-approach mapping naming
 * only the edition's own approaches and guidance. Each breach names its field.
 */
public final class EditionPublicationRule {

    public static final Set<String> HOWE_CATEGORIES = Set.of("EMOTIONAL", "DEPRESSED_PASSIVE", "DISORGANISED",
            "SEVERE_DEPRIVATION");

    private EditionPublicationRule() {
    }

    public static List<FieldError> breaches(ToolkitFamily family, EditionContent content) {
        List<FieldError> errors = new ArrayList<>();
        List<Integer> levels = content.thresholdLevels().stream().map(EditionContent.ThresholdLevel::level).sorted().toList();
        if (!levels.equals(IntStream.rangeClosed(1, 4).boxed().toList())) {
            errors.add(new FieldError("thresholdLevels", "must define levels 1, 2, 3 and 4 exactly once"));
        }
        uniqueCodes("thresholdLevels", content.thresholdLevels().stream().map(EditionContent.ThresholdLevel::code).toList(), errors);
        uniqueCodes("indicatorAreas", content.indicatorAreas().stream().map(EditionContent.IndicatorArea::code).toList(), errors);
        Set<String> indicatorCodes = new HashSet<>();
        for (int a = 0; a < content.indicatorAreas().size(); a++) {
            List<EditionContent.Indicator> indicators = content.indicatorAreas().get(a).indicators();
            for (int i = 0; i < indicators.size(); i++) {
                String field = "indicatorAreas[" + a + "].indicators[" + i + "]";
                String code = indicators.get(i).code();
                if (!code.startsWith(family + ".")) {
                    errors.add(new FieldError(field + ".code", "must start with the family, " + family + "."));
                }
                if (!indicatorCodes.add(code)) {
                    errors.add(new FieldError(field + ".code", "duplicates another code"));
                }
                if (!indicators.get(i).grades().keySet().equals(Set.of(1, 2, 3, 4, 5))) {
                    errors.add(new FieldError(field + ".grades", "must describe grades 1 to 5"));
                }
            }
        }
        uniqueCodes("practiceApproaches", content.practiceApproaches().stream().map(EditionContent.PracticeApproach::code).toList(), errors);
        uniqueCodes("guidance", content.guidance().stream().map(EditionContent.GuidanceDocument::code).toList(), errors);
        uniqueCodes("strategy.actionPlan", content.strategy().actionPlan().stream().map(EditionContent.Action::code).toList(), errors);
        Set<String> categories = new HashSet<>();
        for (int i = 0; i < content.neglectCategories().size(); i++) {
            String code = content.neglectCategories().get(i).code();
            if (!HOWE_CATEGORIES.contains(code)) {
                errors.add(new FieldError("neglectCategories[" + i + "].code", "must be one of Howe's four categories "
                        + HOWE_CATEGORIES.stream().sorted().toList()));
            } else if (!categories.add(code)) {
                errors.add(new FieldError("neglectCategories[" + i + "].code", "duplicates another category"));
            }
        }
        if (!categories.containsAll(HOWE_CATEGORIES)) {
            errors.add(new FieldError("neglectCategories", "must describe all four of Howe's categories"));
        }
        alertApproachBreaches(content, errors);
        for (String partnership : family.partnerships()) {
            if (!content.partnershipSettings().containsKey(partnership)) {
                errors.add(new FieldError("partnershipSettings." + partnership, "is required for family " + family));
            }
        }
        content.partnershipSettings().forEach((partnership, settings) -> {
            if (settings.levelDecisions() != null
                    && !settings.levelDecisions().getOrDefault(4, List.of()).contains("CHILDRENS_SERVICES")) {
                errors.add(new FieldError("partnershipSettings." + partnership + ".levelDecisions.4",
                        "must include CHILDRENS_SERVICES: level 4 is the local authority's statutory decision"));
            }
            sharingLevelBreaches(partnership, settings, errors);
        });
        content.partnershipSettings().keySet().stream().filter(p -> !family.partnerships().contains(p)).sorted()
                .forEach(p -> errors.add(new FieldError("partnershipSettings." + p, "is not a partnership of family " + family)));
        return errors;
    }

    /**
     * An agency's default sharing level is one it may choose, and only the police process under DPA 2018 Part 3
     * (POLICE_PART3).
     */
    private static void sharingLevelBreaches(String partnership, EditionContent.PartnershipSettings settings, List<FieldError> errors) {
        if (settings.sharingLevels() == null) {
            return;
        }
        settings.sharingLevels().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(line -> {
            String field = "partnershipSettings." + partnership + ".sharingLevels." + line.getKey();
            EditionContent.AgencySharingLevels levels = line.getValue();
            if (!levels.allowed().contains(levels.defaultLevel())) {
                errors.add(new FieldError(field + ".defaultLevel", "must be one of the agency's allowed levels"));
            }
            if (!"POLICE".equals(line.getKey()) && (levels.allowed().contains("POLICE_PART3"))) {
                errors.add(new FieldError(field + ".allowed", "POLICE_PART3 is the police's only: DPA 2018 Part 3 processing"));
            }
        });
    }

    /** The mapping of drift rules and escalation to approaches names this edition's own approaches and guidance. */
    private static void alertApproachBreaches(EditionContent content, List<FieldError> errors) {
        EditionContent.AlertApproaches mapping = content.alertApproaches();
        if (mapping == null) {
            return;
        }
        Set<String> approaches = new HashSet<>(content.practiceApproaches().stream().map(EditionContent.PracticeApproach::code).toList());
        Set<String> guidance = new HashSet<>(content.guidance().stream().map(EditionContent.GuidanceDocument::code).toList());
        mapping.driftRules().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(rule ->
                linkBreaches("alertApproaches.driftRules." + rule.getKey(), rule.getValue(), approaches, guidance, errors));
        if (mapping.escalation() != null) {
            linkBreaches("alertApproaches.escalation", mapping.escalation(), approaches, guidance, errors);
        }
    }

    private static void linkBreaches(String field, EditionContent.ApproachLink link, Set<String> approaches,
            Set<String> guidance, List<FieldError> errors) {
        if (!approaches.contains(link.approach())) {
            errors.add(new FieldError(field + ".approach", "must be one of this edition's practiceApproaches codes"));
        }
        if (link.guidance() != null && !guidance.contains(link.guidance())) {
            errors.add(new FieldError(field + ".guidance", "must be one of this edition's guidance codes"));
        }
    }

    private static void uniqueCodes(String list, List<String> codes, List<FieldError> errors) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            if (!seen.add(codes.get(i))) {
                errors.add(new FieldError(list + "[" + i + "].code", "duplicates another code"));
            }
        }
    }
}
