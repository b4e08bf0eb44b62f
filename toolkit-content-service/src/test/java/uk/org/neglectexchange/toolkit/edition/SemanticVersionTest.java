package uk.org.neglectexchange.toolkit.edition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SemanticVersionTest {

    @Test
    void ordersNumericallyNotAlphabetically() {
        assertTrue(SemanticVersion.parse("1.10.0").compareTo(SemanticVersion.parse("1.9.9")) > 0);
        assertTrue(SemanticVersion.parse("2.0.0").compareTo(SemanticVersion.parse("1.99.99")) > 0);
        assertEquals(0, SemanticVersion.parse("1.2.3").compareTo(SemanticVersion.parse("1.2.3")));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "1", "1.2", "1.2.3.4", "01.2.3", "1.2.x", "-1.2.3", "1.2.3-rc1", "9999999.0.0" })
    void rejectsWhatIsNotMajorMinorPatch(String text) {
        assertThrows(IllegalArgumentException.class, () -> SemanticVersion.parse(text));
    }
}
