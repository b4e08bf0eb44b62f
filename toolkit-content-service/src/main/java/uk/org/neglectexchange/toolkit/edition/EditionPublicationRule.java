package uk.org.neglectexchange.toolkit.edition;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import uk.org.neglectexchange.toolkit.problem.Problem.FieldError;

/**
 * What a draft must satisfy before it is published: levels 1–4 each exactly once, unique codes, only Howe's four
 * categories, and settings for every partnership of the family. Each breach names its field.
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
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < content.thresholdLevels().size(); i++) {
            if (!codes.add(content.thresholdLevels().get(i).code())) {
                errors.add(new FieldError("thresholdLevels[" + i + "].code", "duplicates another code"));
            }
        }
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
        for (String partnership : family.partnerships()) {
            if (!content.partnershipSettings().containsKey(partnership)) {
                errors.add(new FieldError("partnershipSettings." + partnership, "is required for family " + family));
            }
        }
        content.partnershipSettings().keySet().stream().filter(p -> !family.partnerships().contains(p)).sorted()
                .forEach(p -> errors.add(new FieldError("partnershipSettings." + p, "is not a partnership of family " + family)));
        return errors;
    }
}
