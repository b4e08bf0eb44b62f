package uk.org.neglectexchange.escalation.escalation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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

/** One stage an escalation has been at: who was involved, the issue, the agreed action, the outcome and the dates. */
@Entity
@Table(name = "escalation_stage")
public class EscalationStage extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "escalation_id")
    public UUID escalationId;

    public int stage;

    @Enumerated(EnumType.STRING)
    @Column(name = "entered_because")
    public StageEntry enteredBecause;

    public String issue;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> agencies = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> roles = new ArrayList<>();

    @Column(name = "agreed_action")
    public String agreedAction;

    public String outcome;

    @Column(name = "started_on")
    public LocalDate startedOn;

    @Column(name = "deadline_working_days")
    public int deadlineWorkingDays;

    @Column(name = "deadline_reason")
    public String deadlineReason;

    public LocalDate deadline;

    @Column(name = "ended_on")
    public LocalDate endedOn;

    @Column(name = "deadline_breached_on")
    public LocalDate deadlineBreachedOn;

    public static EscalationStage current(Escalation escalation) {
        return find("escalationId = ?1 and stage = ?2", escalation.id, escalation.stage).<EscalationStage>firstResult();
    }

    public static List<EscalationStage> of(UUID escalationId) {
        return list("escalationId = ?1 order by stage", escalationId);
    }

    /** Adds an agency or role that took part at this stage, once each. */
    public void involve(String agency, String role) {
        if (agency != null && !agencies.contains(agency)) {
            agencies = append(agencies, agency);
        }
        if (role != null && !role.isBlank() && !roles.contains(role.strip())) {
            roles = append(roles, role.strip());
        }
    }

    /** A new list, so Hibernate sees the JSON column change. */
    private static List<String> append(List<String> list, String value) {
        List<String> copy = new ArrayList<>(list);
        copy.add(value);
        return copy;
    }
}
