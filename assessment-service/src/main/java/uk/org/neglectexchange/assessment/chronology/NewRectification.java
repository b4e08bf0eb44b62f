package uk.org.neglectexchange.assessment.chronology;

import jakarta.validation.constraints.Size;

/** Why an entry is rectified (it was recorded against the wrong child); kept for the data protection officer only. */
public record NewRectification(@Size(max = 2000) String reason) {

    /** The reason is free text about a child: never in logs. */
    @Override
    public String toString() {
        return "NewRectification[reason=redacted]";
    }
}
