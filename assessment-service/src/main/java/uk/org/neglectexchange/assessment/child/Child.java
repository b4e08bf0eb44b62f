package uk.org.neglectexchange.assessment.child;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

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
}
