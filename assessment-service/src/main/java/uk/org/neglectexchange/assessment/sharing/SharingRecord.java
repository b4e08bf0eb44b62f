package uk.org.neglectexchange.assessment.sharing;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One share of a child's record with an agency other than the lead agency; the table is append-only (V17). */
@Entity
@Table(name = "sharing_record")
public class SharingRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "child_ref")
    public String childRef;

    public String partnership;

    @Column(name = "lead_agency")
    public String leadAgency;

    @Column(name = "to_agency")
    public String toAgency;

    @Column(name = "to_client")
    public String toClient;

    @Column(name = "practitioner_id")
    public String practitionerId;

    public String purpose;

    @Enumerated(EnumType.STRING)
    @Column(name = "lawful_basis")
    public LawfulBasis lawfulBasis;

    @Enumerated(EnumType.STRING)
    public Consent consent;

    @Enumerated(EnumType.STRING)
    @Column(name = "para18_reason")
    public Para18Reason para18Reason;

    @Column(name = "shared_at")
    public OffsetDateTime sharedAt;
}
