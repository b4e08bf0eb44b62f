package uk.org.neglectexchange.assessment.transfer;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One transfer of a child, from the sending partnership's request to the receiving partnership's acceptance. */
@Entity
@Table(name = "child_transfer")
public class ChildTransfer extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "child_ref")
    public String childRef;

    @Column(name = "from_partnership")
    public String fromPartnership;

    @Column(name = "to_partnership")
    public String toPartnership;

    @Enumerated(EnumType.STRING)
    public TransferReason reason;

    @Enumerated(EnumType.STRING)
    public TransferStatus status;

    @Column(name = "requested_at")
    public OffsetDateTime requestedAt;

    @Column(name = "requested_by_client")
    public String requestedByClient;

    @Column(name = "requested_by_agency")
    public String requestedByAgency;

    @Column(name = "requested_by_practitioner")
    public String requestedByPractitioner;

    /** The last working day the receiving partnership has to accept before drift rule D10 raises an alert. */
    @Column(name = "accept_by")
    public LocalDate acceptBy;

    @Column(name = "accepted_at")
    public OffsetDateTime acceptedAt;

    @Column(name = "accepted_by_client")
    public String acceptedByClient;

    @Column(name = "accepted_by_practitioner")
    public String acceptedByPractitioner;

    public static Optional<ChildTransfer> waiting(String childRef) {
        return find("childRef = ?1 and status = ?2", childRef, TransferStatus.REQUESTED).firstResultOptional();
    }
}
