package uk.org.neglectexchange.escalation.drift;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One drift condition of one child (D9: of a partnership), from the day it was found until it ended. */
@Entity
@Table(name = "drift_alert")
public class DriftAlert extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "sequence_no", insertable = false, updatable = false)
    public Long sequenceNo;

    public String rule;

    @Column(name = "child_ref")
    public String childRef;

    public String partnership;

    @Column(name = "condition_key")
    public String conditionKey;

    @Enumerated(EnumType.STRING)
    public Severity severity;

    @Enumerated(EnumType.STRING)
    public AlertStatus status;

    /** A JSON array of {@link Evidence}, written by {@link DriftAlerts}. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String evidence;

    /** The approach the partnership's edition maps the rule to when the alert was raised; none without a mapping. */
    @Column(name = "practice_approach")
    public String practiceApproach;

    @Column(name = "practice_approach_name")
    public String practiceApproachName;

    @Column(name = "guidance_link")
    public String guidanceLink;

    @Column(name = "raised_at")
    public OffsetDateTime raisedAt;

    @Column(name = "raised_on")
    public LocalDate raisedOn;

    @Column(name = "cleared_at")
    public OffsetDateTime clearedAt;

    @Column(name = "cleared_on")
    public LocalDate clearedOn;

    @Column(name = "acknowledged_by")
    public String acknowledgedBy;

    @Column(name = "acknowledged_at")
    public OffsetDateTime acknowledgedAt;

    @Column(name = "acknowledgement_note")
    public String acknowledgementNote;

    /** The same condition, alerting the same partnership ({@code partnership}: the child's). */
    public boolean matches(Condition condition, String partnership) {
        return rule.equals(condition.rule()) && conditionKey.equals(condition.key())
                && this.partnership.equals(condition.alerting(partnership));
    }
}
