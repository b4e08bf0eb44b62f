package uk.org.neglectexchange.assessment.child;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import uk.org.neglectexchange.assessment.retention.ChildTombstone;
import uk.org.neglectexchange.platform.problem.ProblemException;

/** A child as the exchange knows it: a pseudonymous reference, the partnership it belongs to, the lead agency. */
@Entity
@Table(name = "child")
public class Child extends PanacheEntityBase {

    @Id
    @Column(name = "child_ref")
    public String childRef;

    public String partnership;

    @Column(name = "lead_agency")
    public String leadAgency;

    @Column(name = "registered_at")
    public OffsetDateTime registeredAt;

    @Column(name = "registered_by_client")
    public String registeredByClient;

    /** The record this one was merged into, for good: a duplicate of one child answers with a pointer to it. */
    @Column(name = "merged_into")
    public String mergedInto;

    /** The child with this reference, if there is one (a reference not shaped like one finds none). */
    public static Optional<Child> known(String childRef) {
        return childRef == null || !childRef.matches("CH-[A-Z2-9]{10}") ? Optional.empty()
                : Child.<Child>findByIdOptional(childRef);
    }

    /**
     * The child of this partnership, or 404 for anyone else's: another partnership cannot tell it exists. A record
     * merged into another answers 308 with the surviving record's address ({@link MergedRecord}); an erased one 410
     * Gone, so a client can tell an erasure from a reference it got wrong.
     */
    public static Child ofPartnership(String childRef, String partnership) {
        Child child = known(childRef).filter(known -> known.partnership.equals(partnership))
                .orElseThrow(() -> ProblemException.notFound("No child with this childRef in your partnership"));
        if (ChildTombstone.erased(child.childRef)) {
            throw new ProblemException(410, "Gone", "This child's record was erased (retention or the data protection"
                    + " officer's instruction): only its reference remains", List.of());
        }
        if (child.mergedInto != null) {
            throw new MergedRecord(child.childRef, child.mergedInto);
        }
        return child;
    }
}
