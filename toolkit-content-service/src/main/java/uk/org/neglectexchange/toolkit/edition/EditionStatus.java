package uk.org.neglectexchange.toolkit.edition;

/** DRAFT → PUBLISHED → SUPERSEDED; a superseded edition stays readable for ever. */
public enum EditionStatus {
    DRAFT, PUBLISHED, SUPERSEDED
}
