package uk.org.neglectexchange.assessment.sensitivity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import uk.org.neglectexchange.platform.audit.Audit;
import uk.org.neglectexchange.platform.caller.Caller;

/**
 * The caller as a reader of one child's texts ({@link SharingLevelRule}), and the audit of what was kept from them:
 * one audit row per redacted entry or contribution (action {@code chronology.entry-redacted} or
 * {@code assessment.contribution-redacted}), in the read's own transaction and with its request id, so the rows of
 * one read say how many texts it left out.
 */
@ApplicationScoped
public class TextAccess {

    public static final String ENTRY_REDACTED = "chronology.entry-redacted";
    public static final String CONTRIBUTION_REDACTED = "assessment.contribution-redacted";

    @Inject
    Caller caller;

    @Inject
    InvolvedAgencies involved;

    @Inject
    Audit audit;

    public SharingLevelRule.Reader reader(String childRef) {
        boolean dataProtection = caller.hasRole(SharingLevelRule.DATA_PROTECTION_ROLE);
        return new SharingLevelRule.Reader(caller.agency(), dataProtection,
                !dataProtection && involved.of(childRef).contains(caller.agency()));
    }

    /** Records each text left out of this read. */
    public void redacted(String action, String childRef, long count) {
        for (long i = 0; i < count; i++) {
            audit.recorded(action, childRef, () -> Boolean.TRUE);
        }
    }
}
