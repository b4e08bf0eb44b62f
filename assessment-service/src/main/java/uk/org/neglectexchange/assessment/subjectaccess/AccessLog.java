package uk.org.neglectexchange.assessment.subjectaccess;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The export's "who accessed the record" section: every service's audit rows about the child (assessment, escalation,
 * toolkit, gateway), read from the copy {@link AccessRecordConsumer} keeps of audit-events. A row reaches it a moment
 * after the access: the export answers what had arrived.
 */
@ApplicationScoped
public class AccessLog {

    public static final String SOURCE = "the exchange's audit trail (audit-events, every service's rows about the child):"
            + " reads and writes of the record, refusals included, as received when the export was made";

    /** One read or write of the record; {@code childRef} names the record it reached (a merged duplicate's too). */
    public record Access(OffsetDateTime at, String service, String childRef, String clientId, String partnership,
            String agency, String practitionerId, String purpose, String action, String outcome) {
    }

    @Inject
    EntityManager em;

    /** Every access to the child's record and to the duplicates merged into it, oldest first. */
    public List<Access> of(List<String> childRefs) {
        List<Object[]> rows = em.createNativeQuery("""
                select at, service, child_ref, client_id, partnership, agency, practitioner_id, purpose, action, outcome
                from access_record where child_ref in (:refs) order by at, service, entry_id""", Object[].class)
                .setParameter("refs", childRefs).getResultList();
        return rows.stream().map(r -> new Access(((Instant) r[0]).atOffset(ZoneOffset.UTC),
                (String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                ThirdPartyRedactionRule.practitioner((String) r[6]), (String) r[7], (String) r[8], (String) r[9]))
                .toList();
    }
}
