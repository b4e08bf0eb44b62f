package uk.org.neglectexchange.assessment.assessment;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One version of a multi-agency assessment of a child, against the toolkit edition it was opened with. Versions of
 * one assessment share a series; once COMPLETED a version never changes again (an amendment is the next version).
 * Completed by an agency that may not decide the level it found, it is LEVEL_PROPOSED: its content is final, its
 * level waits for the deciding agency (LevelDecisionRule), and the child's level is unchanged until then.
 */
@Entity
@Table(name = "assessment")
public class Assessment extends PanacheEntityBase {

    public enum Status {
        OPEN, LEVEL_PROPOSED, COMPLETED
    }

    @Id
    public UUID id;

    @Column(name = "series_id")
    public UUID seriesId;

    public int version;

    /** The version this one amends; null for the first. */
    public UUID amends;

    @Column(name = "child_ref")
    public String childRef;

    public String partnership;

    @Column(name = "toolkit_family")
    public String toolkitFamily;

    @Column(name = "toolkit_version")
    public String toolkitVersion;

    @Column(name = "age_band")
    public String ageBand;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "opened_at")
    public OffsetDateTime openedAt;

    @Column(name = "opened_by_client")
    public String openedByClient;

    @Column(name = "opened_by_agency")
    public String openedByAgency;

    @Column(name = "opened_by_practitioner")
    public String openedByPractitioner;

    @Column(name = "completed_at")
    public OffsetDateTime completedAt;

    @Column(name = "completed_by_client")
    public String completedByClient;

    @Column(name = "completed_by_agency")
    public String completedByAgency;

    @Column(name = "completed_by_practitioner")
    public String completedByPractitioner;

    @Column(name = "primary_category")
    public String primaryCategory;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "other_categories")
    public List<String> otherCategories;

    @Column(name = "threshold_level")
    public Integer thresholdLevel;

    /** The level proposed by an agency that may not decide it; the decided one is thresholdLevel. */
    @Column(name = "proposed_level")
    public Integer proposedLevel;

    @Column(name = "level_decided_at")
    public OffsetDateTime levelDecidedAt;

    @Column(name = "level_decided_by_agency")
    public String levelDecidedByAgency;

    @Column(name = "level_decided_by_practitioner")
    public String levelDecidedByPractitioner;

    @Column(name = "level_decision_reason")
    public String levelDecisionReason;

    /** Why it was completed after its timescale (D2), when it was. */
    @Column(name = "overrun_reason")
    public String overrunReason;

    public String rationale;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> strengths;

    @Column(name = "childs_voice")
    public String childsVoice;

    @Enumerated(EnumType.STRING)
    @Column(name = "childs_voice_absent_reason")
    public ChildsVoiceAbsentReason childsVoiceAbsentReason;

    @Column(name = "childs_voice_absent_detail")
    public String childsVoiceAbsentDetail;

    public boolean completed() {
        return status == Status.COMPLETED;
    }

    /** Completed or waiting for its level to be decided: its content no longer changes. */
    public boolean closedForContributions() {
        return status != Status.OPEN;
    }

    public static Optional<Assessment> byId(UUID id) {
        return findByIdOptional(id);
    }

    /** Locked for the rest of the transaction, so a contribution cannot slip in beside a completion or amendment. */
    public static Optional<Assessment> forUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The child's open assessment, if any: there is at most one ({@link OneOpenAssessmentRule}). */
    public static Optional<Assessment> openOf(String childRef) {
        return find("childRef = ?1 and status = ?2", childRef, Status.OPEN).firstResultOptional();
    }

    /** Every version of every assessment of the child, oldest first. */
    public static List<Assessment> ofChild(String childRef) {
        return list("childRef = ?1 order by openedAt, version", childRef);
    }

    /** The version that amends this one, if any. */
    public Optional<Assessment> amendedBy() {
        return find("amends", id).firstResultOptional();
    }
}
