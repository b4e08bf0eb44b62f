package uk.org.neglectexchange.assessment.assessment;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;

/** A change of a child's level of need, decided by a completed assessment; the latest is the current level. */
@Entity
@Table(name = "threshold_history")
public class ThresholdChange extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "child_ref")
    public String childRef;

    @Column(name = "from_level")
    public Integer fromLevel;

    @Column(name = "to_level")
    public int toLevel;

    @Column(name = "changed_on")
    public LocalDate changedOn;

    @Column(name = "changed_at")
    public OffsetDateTime changedAt;

    @Column(name = "assessment_id")
    public UUID assessmentId;

    public static List<ThresholdChange> of(String childRef) {
        // by time, then id: a merged record's changes interleave with the survivor's
        return list("childRef", Sort.by("changedAt").and("id"), childRef);
    }

    /** The child's latest change of level: its current level, since when. */
    public static Optional<ThresholdChange> latest(String childRef) {
        return find("childRef", Sort.by("changedAt").descending().and("id", Sort.Direction.Descending), childRef)
                .firstResultOptional();
    }

    public static Optional<Integer> currentLevel(String childRef) {
        return latest(childRef).map(change -> change.toLevel);
    }
}
