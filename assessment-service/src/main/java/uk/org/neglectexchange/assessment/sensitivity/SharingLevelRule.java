package uk.org.neglectexchange.assessment.sensitivity;

import java.util.List;
import java.util.Optional;

import uk.org.neglectexchange.assessment.toolkit.EditionPublished;
import uk.org.neglectexchange.assessment.toolkit.ToolkitEdition;
import uk.org.neglectexchange.platform.problem.Problem.FieldError;

/**
 * Which sharing level an author records at, and who reads the text (RULES.md "Sharing levels within a partnership").
 * The levels each agency may choose, and its default, are a partnership setting of the published toolkit edition
 * ({@code partnershipSettings.<partnership>.sharingLevels.<AGENCY>}: {@code defaultLevel}, {@code allowed}); for an
 * agency the edition does not name: the police default to POLICE_PART3 and may choose any level, every other agency
 * defaults to PARTNERSHIP and may choose PARTNERSHIP or RESTRICTED (POLICE_PART3 is law-enforcement processing).
 * <p>
 * Who reads the text, within the child's partnership: children's services always; the author's agency always;
 * PARTNERSHIP also every agency involved with the child; POLICE_PART3 also the police. The partnership's data
 * protection officer (role {@code data-protection}) reads every text, a rectified entry's included. A rectified
 * entry's text is read by no one else.
 */
public final class SharingLevelRule {

    public static final String FIELD = "sharingLevel";
    public static final String DATA_PROTECTION_ROLE = "data-protection";
    static final String CHILDRENS_SERVICES = "CHILDRENS_SERVICES";
    static final String POLICE = "POLICE";

    /** One agency's line of the matrix: its default and the levels it may choose. */
    public record AgencyLevels(SharingLevel defaultLevel, List<SharingLevel> allowed) {
    }

    static final AgencyLevels POLICE_DEFAULT = new AgencyLevels(SharingLevel.POLICE_PART3,
            List.of(SharingLevel.POLICE_PART3, SharingLevel.RESTRICTED, SharingLevel.PARTNERSHIP));
    static final AgencyLevels OTHERS_DEFAULT = new AgencyLevels(SharingLevel.PARTNERSHIP,
            List.of(SharingLevel.PARTNERSHIP, SharingLevel.RESTRICTED));

    /** Who is reading: their agency, whether they are the data protection officer, whether their agency is involved. */
    public record Reader(String agency, boolean dataProtection, boolean involved) {
    }

    /** The level chosen, or why the one asked for cannot be. */
    public record Choice(SharingLevel level, Optional<FieldError> breach) {
    }

    private SharingLevelRule() {
    }

    /** The agency's line of the matrix in the edition (none: the documented defaults). */
    public static AgencyLevels levelsOf(Optional<ToolkitEdition> edition, String partnership, String agency) {
        AgencyLevels fallback = POLICE.equals(agency) ? POLICE_DEFAULT : OTHERS_DEFAULT;
        return edition.flatMap(e -> e.settings(partnership))
                .map(EditionPublished.PartnershipSettings::sharingLevels)
                .map(matrix -> matrix.get(agency))
                .flatMap(SharingLevelRule::parse)
                .orElse(fallback);
    }

    /** The level asked for (the agency's default when none); unknown, or not one the agency may choose: a breach. */
    public static Choice choose(String requested, AgencyLevels levels) {
        if (requested == null) {
            return new Choice(levels.defaultLevel(), Optional.empty());
        }
        SharingLevel level;
        try {
            level = SharingLevel.valueOf(requested);
        } catch (IllegalArgumentException e) {
            return new Choice(null, Optional.of(new FieldError(FIELD, "must be one of PARTNERSHIP, RESTRICTED, POLICE_PART3")));
        }
        if (!levels.allowed().contains(level)) {
            return new Choice(null, Optional.of(new FieldError(FIELD,
                    "is not a level your agency may choose in this partnership: one of " + levels.allowed())));
        }
        return new Choice(level, Optional.empty());
    }

    /** Whether the reader gets the text of an entry at this level by that agency (not rectified). */
    public static boolean readsText(SharingLevel level, String authorAgency, Reader reader) {
        if (reader.dataProtection() || CHILDRENS_SERVICES.equals(reader.agency()) || authorAgency.equals(reader.agency())) {
            return true;
        }
        return switch (level) {
            case PARTNERSHIP -> reader.involved();
            case RESTRICTED -> false;
            case POLICE_PART3 -> POLICE.equals(reader.agency());
        };
    }

    /** Why the reader gets no text, or empty when they read it. */
    public static Optional<Redaction> redaction(SharingLevel level, String authorAgency, Reader reader) {
        return readsText(level, authorAgency, reader) ? Optional.empty() : Optional.of(Redaction.of(level));
    }

    private static Optional<AgencyLevels> parse(EditionPublished.AgencySharingLevels line) {
        try {
            return Optional.of(new AgencyLevels(SharingLevel.valueOf(line.defaultLevel()),
                    line.allowed().stream().map(SharingLevel::valueOf).toList()));
        } catch (RuntimeException e) {
            // a line this service cannot read (the toolkit validates them): the documented defaults
            return Optional.empty();
        }
    }
}
