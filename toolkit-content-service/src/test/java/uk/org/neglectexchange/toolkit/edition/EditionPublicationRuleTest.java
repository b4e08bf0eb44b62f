package uk.org.neglectexchange.toolkit.edition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import uk.org.neglectexchange.platform.problem.Problem.FieldError;
import uk.org.neglectexchange.toolkit.edition.EditionContent.NeglectCategory;
import uk.org.neglectexchange.toolkit.edition.EditionContent.PartnershipSettings;
import uk.org.neglectexchange.toolkit.edition.EditionContent.ThresholdLevel;

class EditionPublicationRuleTest {

    private static final PartnershipSettings SETTINGS = new PartnershipSettings(
            new EditionContent.EscalationProcedure("HIPS_7_3", "HIPS 7.3", Map.of(1, 5, 2, 5, 3, 5, 4, 10), null),
            new EditionContent.DriftRules(1, 45, 12, 12, 2, 6, 3, 9, 21, 3, 2, 90, 12, 24), null, null);

    @Test
    void aCompleteEditionHasNoBreaches() {
        assertEquals(List.of(), EditionPublicationRule.breaches(ToolkitFamily.HIOW, content(levels(1, 2, 3, 4), howe(),
                Map.of("HSCP", SETTINGS, "IOWSCP", SETTINGS))));
    }

    @Test
    void missingOrRepeatedLevelsAreNamed() {
        assertEquals(List.of("thresholdLevels"), fields(EditionPublicationRule.breaches(ToolkitFamily.WS,
                content(levels(1, 2, 2, 4), howe(), Map.of("WSSCP", SETTINGS)))).subList(0, 1));
    }

    @Test
    void duplicateLevelCodesAreNamed() {
        List<ThresholdLevel> levels = new ArrayList<>(levels(1, 2, 3));
        levels.add(new ThresholdLevel(4, "L1", "Four", null));
        assertEquals(List.of("thresholdLevels[3].code"), fields(EditionPublicationRule.breaches(ToolkitFamily.WS,
                content(levels, howe(), Map.of("WSSCP", SETTINGS)))));
    }

    @Test
    void aCategoryOutsideHowesFourIsNamed() {
        List<NeglectCategory> categories = new ArrayList<>(howe());
        categories.set(2, new NeglectCategory("CHAOTIC", "Chaotic", null));
        assertEquals(List.of("neglectCategories[2].code", "neglectCategories"), fields(EditionPublicationRule.breaches(
                ToolkitFamily.WS, content(levels(1, 2, 3, 4), categories, Map.of("WSSCP", SETTINGS)))));
    }

    @Test
    void everyPartnershipOfTheFamilyNeedsSettingsAndNoOtherMayHaveThem() {
        List<String> fields = fields(EditionPublicationRule.breaches(ToolkitFamily.HIOW,
                content(levels(1, 2, 3, 4), howe(), Map.of("HSCP", SETTINGS, "WSSCP", SETTINGS))));
        assertTrue(fields.contains("partnershipSettings.IOWSCP"), fields::toString);
        assertTrue(fields.contains("partnershipSettings.WSSCP"), fields::toString);
    }

    @Test
    void whoDecidesALevelMayAddAnEarlyHelpLeadButLevelFourStaysWithChildrensServices() {
        PartnershipSettings earlyHelpLead = new PartnershipSettings(SETTINGS.escalation(), SETTINGS.drift(),
                Map.of(3, List.of("CHILDRENS_SERVICES", "HEALTH"), 4, List.of("CHILDRENS_SERVICES")), null);
        assertEquals(List.of(), EditionPublicationRule.breaches(ToolkitFamily.WS, content(levels(1, 2, 3, 4), howe(),
                Map.of("WSSCP", earlyHelpLead))));
        PartnershipSettings policeDecideFour = new PartnershipSettings(SETTINGS.escalation(), SETTINGS.drift(),
                Map.of(3, List.of("CHILDRENS_SERVICES"), 4, List.of("POLICE")), null);
        PartnershipSettings anyoneDecidesFour = new PartnershipSettings(SETTINGS.escalation(), SETTINGS.drift(),
                Map.of(3, List.of("CHILDRENS_SERVICES")), null);
        assertEquals(List.of("partnershipSettings.WSSCP.levelDecisions.4"), fields(EditionPublicationRule.breaches(
                ToolkitFamily.WS, content(levels(1, 2, 3, 4), howe(), Map.of("WSSCP", policeDecideFour)))));
        assertEquals(List.of("partnershipSettings.WSSCP.levelDecisions.4"), fields(EditionPublicationRule.breaches(
                ToolkitFamily.WS, content(levels(1, 2, 3, 4), howe(), Map.of("WSSCP", anyoneDecidesFour)))));
    }

    @Test
    void anAgencysDefaultSharingLevelIsOneItMayChooseAndOnlyThePoliceChoosePart3() {
        PartnershipSettings sound = new PartnershipSettings(SETTINGS.escalation(), SETTINGS.drift(), null, Map.of(
                "HEALTH", new EditionContent.AgencySharingLevels("RESTRICTED", List.of("RESTRICTED", "PARTNERSHIP")),
                "POLICE", new EditionContent.AgencySharingLevels("POLICE_PART3", List.of("POLICE_PART3"))));
        assertEquals(List.of(), EditionPublicationRule.breaches(ToolkitFamily.WS, content(levels(1, 2, 3, 4), howe(),
                Map.of("WSSCP", sound))));
        PartnershipSettings unsound = new PartnershipSettings(SETTINGS.escalation(), SETTINGS.drift(), null, Map.of(
                "EDUCATION", new EditionContent.AgencySharingLevels("PARTNERSHIP", List.of("RESTRICTED")),
                "HEALTH", new EditionContent.AgencySharingLevels("POLICE_PART3", List.of("POLICE_PART3"))));
        assertEquals(List.of("partnershipSettings.WSSCP.sharingLevels.EDUCATION.defaultLevel",
                "partnershipSettings.WSSCP.sharingLevels.HEALTH.allowed"), fields(EditionPublicationRule.breaches(
                ToolkitFamily.WS, content(levels(1, 2, 3, 4), howe(), Map.of("WSSCP", unsound)))));
    }

    @Test
    void theAlertApproachMappingNamesOnlyTheEditionsOwnApproachesAndGuidance() {
        EditionContent base = content(levels(1, 2, 3, 4), howe(), Map.of("WSSCP", SETTINGS));
        EditionContent content = new EditionContent(base.title(), base.thresholdLevels(), base.neglectCategories(),
                base.indicatorAreas(), List.of(new EditionContent.PracticeApproach("HEAR_THE_CHILD", "Hear the child", null)),
                List.of(new EditionContent.GuidanceDocument("ESCALATION", "Escalation", "# Escalation")), base.strategy(),
                base.partnershipSettings(), new EditionContent.AlertApproaches(Map.of(
                        "D1", new EditionContent.ApproachLink("HEAR_THE_CHILD", "ESCALATION"),
                        "D2", new EditionContent.ApproachLink("NOT_IN_THIS_EDITION", null),
                        "D3", new EditionContent.ApproachLink("HEAR_THE_CHILD", "NO_SUCH_GUIDANCE")),
                        new EditionContent.ApproachLink("UNKNOWN", null)));
        assertEquals(List.of("alertApproaches.driftRules.D2.approach", "alertApproaches.driftRules.D3.guidance",
                "alertApproaches.escalation.approach"), fields(EditionPublicationRule.breaches(ToolkitFamily.WS, content)));
    }

    private static EditionContent content(List<ThresholdLevel> levels, List<NeglectCategory> categories,
            Map<String, PartnershipSettings> settings) {
        return new EditionContent("Toolkit", levels, categories, List.of(), List.of(), List.of(),
                new EditionContent.Strategy("Strategy", "2020-2023", "Summary", List.of()), settings, null);
    }

    private static List<ThresholdLevel> levels(int... numbers) {
        return java.util.Arrays.stream(numbers).mapToObj(n -> new ThresholdLevel(n, "L" + n, "Level " + n, null)).toList();
    }

    private static List<NeglectCategory> howe() {
        return EditionPublicationRule.HOWE_CATEGORIES.stream().sorted().map(c -> new NeglectCategory(c, c, null)).toList();
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }
}
