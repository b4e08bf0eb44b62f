package uk.org.neglectexchange.escalation.escalation;

/**
 * Who acts: an agency of a partnership, or the partnership's escalation panel or business team
 * ({@link EscalationParticipation}); the client, and the practitioner the calling system names.
 */
public record Actor(EscalationParticipation.Party party, String partnership, String agency, String clientId,
        String practitionerId) {
}
