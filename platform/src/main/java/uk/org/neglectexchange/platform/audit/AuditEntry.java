package uk.org.neglectexchange.platform.audit;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One read or write of child data in the service's own database; the table refuses updates and deletes
 * (db/platform/audit). Each row also leaves through the outbox as {@code audit.recorded}, for the one trail.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public OffsetDateTime at;

    @Column(name = "client_id")
    public String clientId;

    public String partnership;

    public String agency;

    @Column(name = "practitioner_id")
    public String practitionerId;

    public String purpose;

    public String action;

    @Column(name = "child_ref")
    public String childRef;

    public String outcome;

    @Column(name = "request_id")
    public String requestId;
}
