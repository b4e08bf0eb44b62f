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

/** One direction of a sibling link; the service always writes both, so the link is symmetric. */
@Entity
@Table(name = "household_link")
@IdClass(SiblingLink.Key.class)
public class SiblingLink extends PanacheEntityBase {

    public record Key(String childRef, String relatedChildRef) implements Serializable {
    }

    @Id
    @Column(name = "child_ref")
    public String childRef;

    @Id
    @Column(name = "related_child_ref")
    public String relatedChildRef;

    @Enumerated(EnumType.STRING)
    public SiblingRelationship relationship;

    @Column(name = "linked_at")
    public OffsetDateTime linkedAt;

    @Column(name = "linked_by_client")
    public String linkedByClient;

    public static List<SiblingLink> of(String childRef) {
        return list("childRef", Sort.by("linkedAt").and("relatedChildRef"), childRef);
    }
}
