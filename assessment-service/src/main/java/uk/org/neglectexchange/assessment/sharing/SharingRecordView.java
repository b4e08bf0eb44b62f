package uk.org.neglectexchange.assessment.sharing;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A share as the lead agency and the data protection officer see it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SharingRecordView(long id, String childRef, String partnership, String fromLeadAgency, String toAgency,
        String toClient, String practitionerId, String purpose, LawfulBasis lawfulBasis, Consent consent,
        Para18Reason para18Reason, OffsetDateTime sharedAt) {

    static SharingRecordView of(SharingRecord r) {
        return new SharingRecordView(r.id, r.childRef, r.partnership, r.leadAgency, r.toAgency, r.toClient, r.practitionerId,
                r.purpose, r.lawfulBasis, r.consent, r.para18Reason, r.sharedAt);
    }

    /** One page, oldest first; {@code nextAfter} pages on while there may be more. */
    public record Page(List<SharingRecordView> records, Long nextAfter) {
    }
}
