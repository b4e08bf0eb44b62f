package uk.org.neglectexchange.assessment.sharing;

/** What a reading agency states about a share: why, on what basis, and the consent position. */
public record SharingDecision(String purpose, LawfulBasis lawfulBasis, Consent consent, Para18Reason para18Reason) {
}
