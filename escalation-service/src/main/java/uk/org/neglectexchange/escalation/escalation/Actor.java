package uk.org.neglectexchange.escalation.escalation;

/** Who acts: the agency and partnership from the token, the client, and the practitioner the agency system names. */
public record Actor(String partnership, String agency, String clientId, String practitionerId) {
}
