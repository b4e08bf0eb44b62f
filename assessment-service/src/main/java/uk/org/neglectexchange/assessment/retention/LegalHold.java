package uk.org.neglectexchange.assessment.retention;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A data protection officer's hold on a child's record: nothing erases it while the hold is not lifted. */
@Entity
@Table(name = "legal_hold")
public class LegalHold extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "child_ref")
    public String childRef;

    public String partnership;

    public String reason;

    @Column(name = "set_at")
    public OffsetDateTime setAt;

    @Column(name = "set_by_client")
    public String setByClient;

    @Column(name = "set_by_practitioner")
    public String setByPractitioner;

    @Column(name = "lifted_at")
    public OffsetDateTime liftedAt;

    @Column(name = "lifted_by_client")
    public String liftedByClient;

    @Column(name = "lifted_by_practitioner")
    public String liftedByPractitioner;

    @Column(name = "lift_reason")
    public String liftReason;

    static List<LegalHold> of(String childRef) {
        return list("childRef = ?1 order by setAt", childRef);
    }

    public static List<LegalHold> activeOf(String childRef) {
        return list("childRef = ?1 and liftedAt is null order by setAt", childRef);
    }
}
