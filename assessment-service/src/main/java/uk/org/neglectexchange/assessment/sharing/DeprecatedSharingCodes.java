package uk.org.neglectexchange.assessment.sharing;

import jakarta.enterprise.context.RequestScoped;

/** Whether this request stated a share in the previous release's codes; the answer then says so (README). */
@RequestScoped
public class DeprecatedSharingCodes {

    private boolean used;

    public void noteIfUsed(SharingDecision decision) {
        used |= decision.deprecatedCodes();
    }

    boolean used() {
        return used;
    }
}
