package uk.org.neglectexchange.escalation.escalation;

import uk.org.neglectexchange.platform.problem.ProblemException;

/**
 * RULES.md: the escalation procedure resolves professional differences about a child's case. Complaints, disputes
 * about child protection conference decisions and systemic issues are refused, pointing to the route that handles them.
 */
public final class EscalationScope {

    private EscalationScope() {
    }

    public static EscalationType require(EscalationType requested) {
        EscalationType type = requested == null ? EscalationType.PROFESSIONAL_DISAGREEMENT : requested;
        String route = switch (type) {
            case PROFESSIONAL_DISAGREEMENT -> null;
            case COMPLAINT -> "A complaint is not a professional disagreement: use the agency's complaints procedure";
            case CP_CONFERENCE_DECISION -> "A dispute about a child protection conference decision follows the CP"
                    + " conference dispute resolution procedure, not professional-disagreement escalation";
            case SYSTEMIC_ISSUE -> "A systemic issue goes to the partnership's learning and improvement process"
                    + " (the partnership business team), not to a child's escalation";
        };
        if (route != null) {
            throw ProblemException.unprocessable("type", route);
        }
        return type;
    }
}
