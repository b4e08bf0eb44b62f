package uk.org.neglectexchange.escalation.escalation;

/**
 * WSSCP: the partnership business team is notified from stage 2 onwards, and told of the resolution and who resolved
 * it. The procedure says from which stage ({@code businessTeamNotifiedFromStage}); a procedure without it never notifies.
 */
public final class BusinessTeamNotification {

    private BusinessTeamNotification() {
    }

    public static boolean applies(Integer notifiedFromStage, int stage) {
        return notifiedFromStage != null && stage >= notifiedFromStage;
    }
}
