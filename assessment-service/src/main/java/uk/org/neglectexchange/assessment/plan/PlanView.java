package uk.org.neglectexchange.assessment.plan;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A plan as the API shows it: codes and dates, who recorded it by client and practitioner id. */
public record PlanView(UUID id, String childRef, PlanKind kind, PlanCategory category, LocalDate startDate,
        LocalDate endDate, PlanEndReason endReason, String startedByClient, String startedByPractitioner,
        OffsetDateTime recordedAt, String endedByClient, String endedByPractitioner, OffsetDateTime endedAt) {

    static PlanView of(Plan p) {
        return new PlanView(p.id, p.childRef, p.kind, p.category, p.startDate, p.endDate, p.endReason,
                p.startedByClient, p.startedByPractitioner, p.recordedAt, p.endedByClient, p.endedByPractitioner, p.endedAt);
    }
}
