package uk.org.neglectexchange.assessment.household;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;

/** A carer of one child; the same carer may care for several children. */
@Entity
@Table(name = "child_carer")
@IdClass(CarerLink.Key.class)
public class CarerLink extends PanacheEntityBase {

    public record Key(String childRef, String carerRef) implements Serializable {
    }

    @Id
    @Column(name = "child_ref")
    public String childRef;

    @Id
    @Column(name = "carer_ref")
    public String carerRef;

    @Enumerated(EnumType.STRING)
    public CarerRelationship relationship;

    @Column(name = "lives_with_child")
    public boolean livesWithChild;

    @Column(name = "linked_at")
    public OffsetDateTime linkedAt;

    @Column(name = "linked_by_client")
    public String linkedByClient;

    public static List<CarerLink> of(String childRef) {
        return list("childRef", Sort.by("linkedAt").and("carerRef"), childRef);
    }

    /** A carer is visible to a partnership that has a child the carer cares for. */
    public static boolean caresForAChildOf(String carerRef, String partnership) {
        return count("carerRef = ?1 and childRef in (select c.childRef from Child c where c.partnership = ?2)",
                carerRef, partnership) > 0;
    }
}
