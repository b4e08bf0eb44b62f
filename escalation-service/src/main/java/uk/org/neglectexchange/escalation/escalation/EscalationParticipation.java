package uk.org.neglectexchange.escalation.escalation;

import uk.org.neglectexchange.platform.caller.Caller;
import uk.org.neglectexchange.platform.problem.ProblemException;

/**
 * Who takes part in a partnership's escalations, and at which stages (RULES.md, professional-disagreement
 * escalation): the two agencies in disagreement at every stage; the partnership's escalation panel at stage 4, the
 * safeguarding partnership's own stage, where it reads and acts (responds, resolves); the partnership's business team
 * reads them from the stage its procedure notifies it (WSSCP: stage 2, {@link BusinessTeamNotification}) and acts at
 * none, as the procedure tells it of escalations and their resolution but gives it no part in them. Nobody sees
 * another partnership's.
 */
public final class EscalationParticipation {

    public enum Party {
        AGENCY, PANEL, BUSINESS_TEAM
    }

    public static final String PANEL_ROLE = "escalation-panel";
    public static final String BUSINESS_TEAM_ROLE = "business-team";
    /** Stage 4 is the safeguarding partnership's: its business manager and escalation panel. */
    public static final int PANEL_STAGE = StageOrder.LAST;
    /** The name the panel acts under in the record and the events, as the notifications name it as a recipient. */
    public static final String PANEL_AGENCY = "ESCALATION_PANEL";

    private EscalationParticipation() {
    }

    /** The caller as a participant: an agency (its claim), else the partnership's panel or business team (its role). */
    public static Actor actor(Caller caller, String practitionerId) {
        if (caller.partnership() == null) {
            throw ProblemException.forbidden("The token names no partnership: escalations belong to a partnership");
        }
        if (caller.agency() != null) {
            return new Actor(Party.AGENCY, caller.partnership(), caller.agency(), caller.clientId(), practitionerId);
        }
        if (caller.hasRole(PANEL_ROLE)) {
            return new Actor(Party.PANEL, caller.partnership(), PANEL_AGENCY, caller.clientId(), practitionerId);
        }
        if (caller.hasRole(BUSINESS_TEAM_ROLE)) {
            return new Actor(Party.BUSINESS_TEAM, caller.partnership(), null, caller.clientId(), practitionerId);
        }
        throw ProblemException.forbidden("The token names no agency and is neither the partnership's escalation panel"
                + " nor its business team");
    }

    public static boolean sees(Actor actor, Escalation e) {
        return e.partnership.equals(actor.partnership()) && switch (actor.party()) {
            case AGENCY -> e.hasParty(actor.agency());
            case PANEL -> e.stage >= PANEL_STAGE;
            case BUSINESS_TEAM -> BusinessTeamNotification.applies(e.businessTeamNotifiedFromStage, e.stage);
        };
    }

    /** The agencies act at every stage they see, the panel at stage 4 (the last), the business team nowhere. */
    public static boolean actsOn(Actor actor, Escalation e) {
        return actor.party() != Party.BUSINESS_TEAM && sees(actor, e);
    }

    /** {@link #sees} as the list's query condition, beside {@code partnership = :partnership}; parameter {@code :agency}. */
    static String seenWhere(Party party) {
        return switch (party) {
            case AGENCY -> "(raisedByAgency = :agency or otherAgency = :agency)";
            case PANEL -> "stage >= " + PANEL_STAGE;
            case BUSINESS_TEAM -> "businessTeamNotifiedFromStage is not null and stage >= businessTeamNotifiedFromStage";
        };
    }
}
