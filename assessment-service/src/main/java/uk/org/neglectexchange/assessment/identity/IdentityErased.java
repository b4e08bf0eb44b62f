package uk.org.neglectexchange.assessment.identity;

import java.util.List;

import uk.org.neglectexchange.platform.problem.ProblemException;

/** The child's data key was destroyed (its record erased): whatever needs the identity answers 410 Gone, never 500. */
public class IdentityErased extends ProblemException {

    public IdentityErased() {
        super(410, "Gone", "This child's record has been erased: its identity can no longer be read", List.of());
    }
}
