package uk.org.neglectexchange.assessment.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class ProfilePerAreaTest {

    private static Observation graded(String area, int grade) {
        return new Observation("HIOW." + area + ".X.0_4", area, grade, null);
    }

    @Test
    void eachAreaShowsItsCountWorstAndMedianGrade() {
        List<ProfilePerArea.Area> profile = ProfilePerArea.of(List.of("PHYSICAL_CARE", "SAFETY", "EMOTIONAL_CARE"),
                List.of(graded("PHYSICAL_CARE", 2), graded("SAFETY", 4), graded("PHYSICAL_CARE", 5), graded("PHYSICAL_CARE", 1),
                        graded("SAFETY", 1)));
        assertEquals(new ProfilePerArea.Area("PHYSICAL_CARE", 3, 5, 2.0), profile.get(0));
        assertEquals(new ProfilePerArea.Area("SAFETY", 2, 4, 2.5), profile.get(1));
        assertEquals(new ProfilePerArea.Area("EMOTIONAL_CARE", 0, null, null), profile.get(2));
    }

    @Test
    void anAreaObservedButNotOnTheChartIsStillShown() {
        assertEquals(List.of(new ProfilePerArea.Area("SAFETY", 0, null, null), new ProfilePerArea.Area("DEVELOPMENTAL_CARE", 1, 3, 3.0)),
                ProfilePerArea.of(List.of("SAFETY"), List.of(graded("DEVELOPMENTAL_CARE", 3))));
    }
}
