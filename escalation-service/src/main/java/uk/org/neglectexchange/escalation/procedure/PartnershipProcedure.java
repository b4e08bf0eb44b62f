package uk.org.neglectexchange.escalation.procedure;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The escalation procedure and drift clocks a partnership runs, as its latest published toolkit edition says. */
@Entity
@Table(name = "partnership_procedure")
public class PartnershipProcedure extends PanacheEntityBase {

    @Id
    public String partnership;

    @Column(name = "toolkit_family")
    public String toolkitFamily;

    @Column(name = "toolkit_version")
    public String toolkitVersion;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    @Column(name = "procedure_code")
    public String procedureCode;

    @Column(name = "procedure_name")
    public String procedureName;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "stage_deadlines")
    public Map<Integer, Integer> stageDeadlineWorkingDays;

    @Column(name = "business_team_from_stage")
    public Integer businessTeamNotifiedFromStage;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "drift_rules")
    public Map<String, Integer> driftRules;

    /** The edition's mapping of drift rules and escalation to practice approaches (V12); null when it has none. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "practice_approaches")
    public EditionPublished.AlertApproaches practiceApproaches;

    @Column(name = "source_event_id")
    public UUID sourceEventId;
}
