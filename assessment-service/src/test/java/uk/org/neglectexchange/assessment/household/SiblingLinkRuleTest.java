package uk.org.neglectexchange.assessment.household;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SiblingLinkRuleTest {

    @Test
    void aChildIsNotItsOwnSibling() {
        assertEquals("relatedChildRef", SiblingLinkRule.breach("CH-AAAAAAAAAA",
                new NewSiblingLink("CH-AAAAAAAAAA", SiblingRelationship.SIBLING)).orElseThrow().field());
        assertTrue(SiblingLinkRule.breach("CH-AAAAAAAAAA", new NewSiblingLink("CH-BBBBBBBBBB", SiblingRelationship.SIBLING)).isEmpty());
    }
}
