package uk.org.neglectexchange.assessment.child;

import java.util.List;

import uk.org.neglectexchange.platform.problem.ProblemException;

/**
 * A request that names a record merged into another: answered 308 Permanent Redirect to the same address on the
 * surviving record ({@link MergedRecordRedirect}), so a client following it reads or writes the child's one record.
 */
public class MergedRecord extends ProblemException {

    private final String mergedRef;
    private final String survivingRef;

    public MergedRecord(String mergedRef, String survivingRef) {
        super(308, "Permanent Redirect", "This record was merged into " + survivingRef + ": use that childRef", List.of());
        this.mergedRef = mergedRef;
        this.survivingRef = survivingRef;
    }

    public String mergedRef() {
        return mergedRef;
    }

    public String survivingRef() {
        return survivingRef;
    }
}
