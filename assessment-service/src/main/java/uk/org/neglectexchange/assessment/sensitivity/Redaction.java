package uk.org.neglectexchange.assessment.sensitivity;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Why a reader gets an entry or a contribution without its text: its sharing level ({@code reason} PARTNERSHIP,
 * RESTRICTED or POLICE_PART3) or its rectification ({@code reason} RECTIFIED, with when and by which agency).
 * The one marker shape of every read that leaves text out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "Present when the text is left out for this reader, and why; the text is then absent")
public record Redaction(
        @Schema(enumeration = { "PARTNERSHIP", "RESTRICTED", "POLICE_PART3", "RECTIFIED" }) String reason,
        String message,
        @Schema(description = "Only when RECTIFIED") OffsetDateTime rectifiedAt,
        @Schema(description = "Only when RECTIFIED: the agency (CHILDRENS_SERVICES or DATA_PROTECTION) that rectified it") String rectifiedByAgency) {

    public static final String RECTIFIED = "RECTIFIED";

    static Redaction of(SharingLevel level) {
        return new Redaction(level.name(), switch (level) {
            case POLICE_PART3 -> "police information held: contact the police";
            case RESTRICTED -> "restricted to children's services and the recording agency: contact either";
            case PARTNERSHIP -> "shared with the agencies involved with the child: contact children's services";
        }, null, null);
    }

    public static Redaction rectified(OffsetDateTime at, String byAgency) {
        return new Redaction(RECTIFIED, "recorded against the wrong child: rectified", at, byAgency);
    }
}
