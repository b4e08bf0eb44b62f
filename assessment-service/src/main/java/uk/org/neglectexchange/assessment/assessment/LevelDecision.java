package uk.org.neglectexchange.assessment.assessment;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;

/**
 * One entry of a child's level history: a level PROPOSED by an agency that may not decide it, or DECIDED (by a
 * completion of a deciding agency, or its confirmation or change of a proposal, then with the proposed level), each
 * with who and why (the completion's rationale, or the decision's reason).
 */
@Entity
@Table(name = "level_decision")
public class LevelDecision extends PanacheEntityBase {

    public enum Kind {
        PROPOSED, DECIDED
    }

    @Id
    public UUID id;

    @Column(name = "child_ref")
    public String childRef;

    @Column(name = "assessment_id")
    public UUID assessmentId;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    public int level;

    /** For a decision on a proposal: the level proposed. */
    @Column(name = "proposed_level")
    public Integer proposedLevel;

    public String agency;

    @Column(name = "client_id")
    public String clientId;

    @Column(name = "practitioner_id")
    public String practitionerId;

    public String reason;

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    public static List<LevelDecision> of(String childRef) {
        return list("childRef", Sort.by("recordedAt").and("kind", Sort.Direction.Descending), childRef);
    }
}
