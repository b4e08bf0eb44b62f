package uk.org.neglectexchange.assessment.sharing;

/**
 * What an agency states about a share, in the canonical vocabulary: why, on what basis, and the consent position;
 * {@code deprecatedCodes} when it was stated in a code of the previous release.
 */
public record SharingDecision(String purpose, LawfulBasis lawfulBasis, Consent consent, Para18Reason para18Reason,
        boolean deprecatedCodes) {
}
