package uk.org.neglectexchange.assessment.household;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A parent or carer, known by a pseudonymous carerRef; the names only ever encrypted. */
@Entity
@Table(name = "carer")
public class Carer extends PanacheEntityBase {

    @Id
    @Column(name = "carer_ref")
    public String carerRef;

    @Column(name = "given_name_enc")
    public String givenName;

    @Column(name = "family_name_enc")
    public String familyName;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "created_by_client")
    public String createdByClient;
}
