package uk.org.neglectexchange.assessment.plan;

import java.time.LocalDate;
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

/** One plan of a child, from its start to its end (open while {@code endDate} is null); V25__child_plans.sql. */
@Entity
@Table(name = "child_plan")
public class Plan extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "child_ref")
    public String childRef;

    @Enumerated(EnumType.STRING)
    public PlanKind kind;

    @Enumerated(EnumType.STRING)
    public PlanCategory category;

    @Column(name = "start_date")
    public LocalDate startDate;

    @Column(name = "end_date")
    public LocalDate endDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "end_reason")
    public PlanEndReason endReason;

    @Column(name = "started_by_client")
    public String startedByClient;

    @Column(name = "started_by_practitioner")
    public String startedByPractitioner;

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    @Column(name = "ended_by_client")
    public String endedByClient;

    @Column(name = "ended_by_practitioner")
    public String endedByPractitioner;

    @Column(name = "ended_at")
    public OffsetDateTime endedAt;

    static List<Plan> of(String childRef) {
        return list("childRef = ?1 order by startDate, recordedAt", childRef);
    }

    static List<Plan> openOf(String childRef) {
        return list("childRef = ?1 and endDate is null order by startDate, recordedAt", childRef);
    }
}
