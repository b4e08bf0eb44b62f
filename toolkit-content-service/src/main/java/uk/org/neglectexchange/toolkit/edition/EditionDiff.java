package uk.org.neglectexchange.toolkit.edition;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What was added, changed and removed between two editions, element by element, matched by stable code (partnership
 * settings by partnership). A changed element lists the fields that differ, so an editor sees what to review.
 */
public record EditionDiff(String from, String to, List<Entry> added, List<Change> changed, List<Entry> removed) {

    public record Entry(String section, String code) {
    }

    public record Change(String section, String code, List<String> fields) {
    }

    public static EditionDiff between(String fromVersion, EditionContent from, String toVersion, EditionContent to,
            ObjectMapper json) {
        List<Entry> added = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        List<Entry> removed = new ArrayList<>();
        Map<String, Map<String, JsonNode>> before = sections(from, json);
        Map<String, Map<String, JsonNode>> after = sections(to, json);
        for (String section : after.keySet()) {
            Map<String, JsonNode> old = before.get(section);
            after.get(section).forEach((code, node) -> {
                JsonNode previous = old.get(code);
                if (previous == null) {
                    added.add(new Entry(section, code));
                } else if (!previous.equals(node)) {
                    changed.add(new Change(section, code, differingFields(previous, node)));
                }
            });
            old.keySet().stream().filter(code -> !after.get(section).containsKey(code))
                    .forEach(code -> removed.add(new Entry(section, code)));
        }
        if (!from.title().equals(to.title())) {
            changed.add(new Change("edition", "title", List.of("title")));
        }
        return new EditionDiff(fromVersion, toVersion, added, changed, removed);
    }

    private static Map<String, Map<String, JsonNode>> sections(EditionContent content, ObjectMapper json) {
        Map<String, Map<String, JsonNode>> sections = new LinkedHashMap<>();
        sections.put("thresholdLevels", byCode(content.thresholdLevels(), EditionContent.ThresholdLevel::code, json));
        sections.put("neglectCategories", byCode(content.neglectCategories(), EditionContent.NeglectCategory::code, json));
        sections.put("indicatorAreas", byCode(content.indicatorAreas().stream()
                .map(a -> new EditionContent.IndicatorArea(a.code(), a.name(), List.of())).toList(),
                EditionContent.IndicatorArea::code, json));
        sections.put("indicators", byCode(content.indicatorAreas().stream().flatMap(a -> a.indicators().stream()).toList(),
                EditionContent.Indicator::code, json));
        sections.put("practiceApproaches", byCode(content.practiceApproaches(), EditionContent.PracticeApproach::code, json));
        sections.put("guidance", byCode(content.guidance(), EditionContent.GuidanceDocument::code, json));
        sections.put("actionPlan", byCode(content.strategy().actionPlan(), EditionContent.Action::code, json));
        Map<String, JsonNode> settings = new LinkedHashMap<>();
        content.partnershipSettings().forEach((partnership, s) -> settings.put(partnership, json.valueToTree(s)));
        sections.put("partnershipSettings", settings);
        return sections;
    }

    private static <T> Map<String, JsonNode> byCode(List<T> elements, Function<T, String> code, ObjectMapper json) {
        Map<String, JsonNode> map = new LinkedHashMap<>();
        elements.forEach(e -> map.put(code.apply(e), json.valueToTree(e)));
        return map;
    }

    private static List<String> differingFields(JsonNode before, JsonNode after) {
        List<String> fields = new ArrayList<>();
        for (Iterator<String> names = after.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!after.get(name).equals(before.get(name))) {
                fields.add(name);
            }
        }
        before.fieldNames().forEachRemaining(name -> {
            if (!after.has(name)) {
                fields.add(name);
            }
        });
        return fields;
    }
}
