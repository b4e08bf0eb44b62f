package uk.org.neglectexchange.escalation.escalation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
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

/** A professional disagreement about a child's case, at its current stage; its stages are {@link EscalationStage}s. */
@Entity
@Table(name = "escalation")
public class Escalation extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "sequence_no", insertable = false, updatable = false)
    public Long sequenceNo;

    public String partnership;

    @Column(name = "child_ref")
    public String childRef;

    @Enumerated(EnumType.STRING)
    public EscalationType type;

    @Column(name = "raised_by_agency")
    public String raisedByAgency;

    @Column(name = "raised_by_client")
    public String raisedByClient;

    @Column(name = "raised_by_practitioner")
    public String raisedByPractitioner;

    @Column(name = "other_agency")
    public String otherAgency;

    public String disagreement;

    @Enumerated(EnumType.STRING)
    @Column(name = "current_risk")
    public CurrentRisk currentRisk;

    @Column(name = "procedure_code")
    public String procedureCode;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "stage_deadlines")
    public Map<Integer, Integer> stageDeadlineWorkingDays;

    @Column(name = "business_team_from_stage")
    public Integer businessTeamNotifiedFromStage;

    /** The approach the partnership's edition maps escalation to when it was raised (V12); none without a mapping. */
    @Column(name = "practice_approach")
    public String practiceApproach;

    @Column(name = "practice_approach_name")
    public String practiceApproachName;

    @Column(name = "guidance_link")
    public String guidanceLink;

    public int stage;

    public LocalDate deadline;

    @Enumerated(EnumType.STRING)
    public EscalationStatus status;

    @Column(name = "raised_at")
    public OffsetDateTime raisedAt;

    @Column(name = "resolved_on")
    public LocalDate resolvedOn;

    @Column(name = "resolved_by")
    public String resolvedBy;

    @Column(name = "resolved_by_agency")
    public String resolvedByAgency;

    public String outcome;

    @Column(name = "closed_on")
    public LocalDate closedOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "closed_reason")
    public TransferredEscalationRule.ClosedReason closedReason;

    public boolean notifiesBusinessTeam() {
        return BusinessTeamNotification.applies(businessTeamNotifiedFromStage, stage);
    }

    public boolean hasParty(String agency) {
        return agency.equals(raisedByAgency) || agency.equals(otherAgency);
    }
}
