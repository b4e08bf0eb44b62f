package uk.org.neglectexchange.assessment.chronology;

import java.time.OffsetDateTime;
import java.util.UUID;

/** That an entry was rectified: when and by which agency (the reason stays with the data protection officer). */
public record RectificationView(UUID entryId, String childRef, OffsetDateTime rectifiedAt, String rectifiedByAgency) {

    static RectificationView of(String childRef, ChronologyRectification r) {
        return new RectificationView(r.entryId, childRef, r.rectifiedAt, r.agency);
    }
}
