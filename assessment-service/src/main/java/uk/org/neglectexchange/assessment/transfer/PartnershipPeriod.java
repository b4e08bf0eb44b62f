package uk.org.neglectexchange.assessment.transfer;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;

/** A time a child belonged to one partnership; open (no {@code toAt}) while it still does. */
@Entity
@Table(name = "child_partnership_history")
public class PartnershipPeriod extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "child_ref")
    public String childRef;

    public String partnership;

    @Column(name = "from_at")
    public OffsetDateTime fromAt;

    @Column(name = "to_at")
    public OffsetDateTime toAt;

    /** The client that transferred the child away, closing this period. */
    @Column(name = "transferred_by_client")
    public String transferredByClient;

    @Enumerated(EnumType.STRING)
    @Column(name = "transfer_reason")
    public TransferReason transferReason;

    public static List<PartnershipPeriod> of(String childRef) {
        return list("childRef", Sort.by("fromAt").and("id"), childRef);
    }

    public static Optional<PartnershipPeriod> open(String childRef) {
        return find("childRef = ?1 and toAt is null", childRef).firstResultOptional();
    }
}
