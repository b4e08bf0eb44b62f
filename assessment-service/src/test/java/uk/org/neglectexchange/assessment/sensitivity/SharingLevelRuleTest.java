package uk.org.neglectexchange.assessment.sensitivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import uk.org.neglectexchange.assessment.sensitivity.SharingLevelRule.Reader;
import uk.org.neglectexchange.assessment.toolkit.EditionPublished;
import uk.org.neglectexchange.assessment.toolkit.ToolkitEdition;

class SharingLevelRuleTest {

    @Test
    void withoutAnEditionThePoliceDefaultToPart3AndOthersToPartnership() {
        var police = SharingLevelRule.levelsOf(Optional.empty(), "HSCP", "POLICE");
        var health = SharingLevelRule.levelsOf(Optional.empty(), "HSCP", "HEALTH");
        assertEquals(SharingLevel.POLICE_PART3, SharingLevelRule.choose(null, police).level());
        assertEquals(SharingLevel.PARTNERSHIP, SharingLevelRule.choose(null, health).level());
        assertEquals(SharingLevel.RESTRICTED, SharingLevelRule.choose("RESTRICTED", health).level());
        assertEquals("sharingLevel", SharingLevelRule.choose("POLICE_PART3", health).breach().orElseThrow().field());
        assertEquals("sharingLevel", SharingLevelRule.choose("SECRET", police).breach().orElseThrow().field());
    }

    @Test
    void anEditionSetsAnAgencysDefaultAndChoices() {
        ToolkitEdition edition = new ToolkitEdition();
        edition.partnershipSettings = Map.of("WSSCP", new EditionPublished.PartnershipSettings(null, null,
                Map.of("HEALTH", new EditionPublished.AgencySharingLevels("RESTRICTED", List.of("RESTRICTED")))));
        var health = SharingLevelRule.levelsOf(Optional.of(edition), "WSSCP", "HEALTH");
        assertEquals(SharingLevel.RESTRICTED, SharingLevelRule.choose(null, health).level());
        assertTrue(SharingLevelRule.choose("PARTNERSHIP", health).breach().isPresent());
        // an agency or partnership the edition does not name keeps the documented defaults
        assertEquals(SharingLevel.PARTNERSHIP, SharingLevelRule.choose(null, SharingLevelRule.levelsOf(Optional.of(edition), "HSCP", "HEALTH")).level());
        assertEquals(SharingLevel.POLICE_PART3, SharingLevelRule.choose(null, SharingLevelRule.levelsOf(Optional.of(edition), "WSSCP", "POLICE")).level());
    }

    @Test
    void whoReadsTheText() {
        Reader cs = new Reader("CHILDRENS_SERVICES", false, true);
        Reader police = new Reader("POLICE", false, true);
        Reader involvedSchool = new Reader("EDUCATION", false, true);
        Reader otherSchool = new Reader("EDUCATION", false, false);
        Reader dpo = new Reader("DATA_PROTECTION", true, false);
        assertTrue(SharingLevelRule.readsText(SharingLevel.POLICE_PART3, "POLICE", cs));
        assertTrue(SharingLevelRule.readsText(SharingLevel.POLICE_PART3, "POLICE", dpo));
        assertFalse(SharingLevelRule.readsText(SharingLevel.POLICE_PART3, "POLICE", involvedSchool));
        assertTrue(SharingLevelRule.readsText(SharingLevel.RESTRICTED, "HEALTH", new Reader("HEALTH", false, true)));
        assertFalse(SharingLevelRule.readsText(SharingLevel.RESTRICTED, "HEALTH", police));
        assertTrue(SharingLevelRule.readsText(SharingLevel.PARTNERSHIP, "HEALTH", involvedSchool));
        assertFalse(SharingLevelRule.readsText(SharingLevel.PARTNERSHIP, "HEALTH", otherSchool));
        assertEquals("police information held: contact the police",
                SharingLevelRule.redaction(SharingLevel.POLICE_PART3, "POLICE", otherSchool).orElseThrow().message());
    }
}
