package uk.org.neglectexchange.assessment.sharing;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.vertx.core.http.HttpServerRequest;
import uk.org.neglectexchange.assessment.child.Child;
import uk.org.neglectexchange.platform.caller.Caller;
import uk.org.neglectexchange.platform.problem.ProblemException;

/**
 * Records each share of a child's record with an agency other than the lead agency, in the transaction of the read
 * itself: no record, no read. The lead agency and the data protection officer can see what was shared, with whom
 * and why.
 */
@ApplicationScoped
public class InformationSharing {

    @Inject
    Caller caller;

    @Inject
    HttpServerRequest request;

    @Inject
    Clock clock;

    @Inject
    DeprecatedSharingCodes deprecatedCodes;

    /** Refuses (400 naming the header) a read that does not state why and on what basis; otherwise records it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordRead(Child child) {
        SharingDecision decision = SharingDecisionRule.decide(new SharingDecisionRule.Stated(caller.purpose().orElse(null),
                request.getHeader(SharingDecisionRule.LAWFUL_BASIS_HEADER), null,
                request.getHeader(SharingDecisionRule.CONSENT_HEADER), request.getHeader(SharingDecisionRule.PARA18_REASON_HEADER)),
                caller.agency());
        deprecatedCodes.noteIfUsed(decision);
        SharingRecord record = new SharingRecord();
        record.childRef = child.childRef;
        record.partnership = child.partnership;
        record.leadAgency = child.leadAgency;
        record.toAgency = caller.agency();
        record.toClient = caller.clientId();
        record.practitionerId = caller.practitionerId().orElse(null);
        record.purpose = decision.purpose();
        record.lawfulBasis = decision.lawfulBasis();
        record.consent = decision.consent();
        record.para18Reason = decision.para18Reason();
        record.sharedAt = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        record.persist();
    }

    /**
     * The data protection officer sees every share of the child; the lead agency those made while the child has been
     * with its partnership; any other agency is refused (403), and another partnership cannot tell the child exists.
     */
    @Transactional
    public SharingRecordView.Page records(String childRef, long after, int limit) {
        List<SharingRecord> records;
        if (caller.hasRole("audit-read")) {
            Child.known(childRef).orElseThrow(() -> ProblemException.notFound("No child with this childRef"));
            records = SharingRecord.<SharingRecord>find("childRef = ?1 and id > ?2", Sort.by("id"), childRef, after)
                    .page(Page.ofSize(limit)).list();
        } else {
            Child child = Child.ofPartnership(childRef, caller.partnership());
            if (!child.leadAgency.equals(caller.agency())) {
                throw ProblemException.forbidden("Only the lead agency and the data protection officer see sharing records");
            }
            records = SharingRecord.<SharingRecord>find("childRef = ?1 and partnership = ?2 and id > ?3", Sort.by("id"),
                    childRef, child.partnership, after).page(Page.ofSize(limit)).list();
        }
        Long next = records.size() == limit ? records.get(records.size() - 1).id : null;
        return new SharingRecordView.Page(records.stream().map(SharingRecordView::of).toList(), next);
    }
}
