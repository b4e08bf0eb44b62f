package uk.org.neglectexchange.assessment.retention;

/**
 * Fired (CDI, synchronously, inside the erasing transaction) when a child's record is erased, at the end of its
 * retention or on the data protection officer's instruction: observers destroy what they hold of the child, such as
 * the child's own identity key, so the erasure and its consequences commit together or not at all.
 */
public record ChildErased(String childRef) {
}
