package uk.org.neglectexchange.assessment.household;

import java.util.Optional;

import uk.org.neglectexchange.platform.problem.Problem.FieldError;

/** A child is not its own sibling. */
public final class SiblingLinkRule {

    private SiblingLinkRule() {
    }

    public static Optional<FieldError> breach(String childRef, NewSiblingLink link) {
        return childRef.equals(link.relatedChildRef())
                ? Optional.of(new FieldError("relatedChildRef", "must be another child than the one linked"))
                : Optional.empty();
    }
}
