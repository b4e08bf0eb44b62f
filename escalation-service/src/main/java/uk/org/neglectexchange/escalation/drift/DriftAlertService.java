package uk.org.neglectexchange.escalation.drift;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import uk.org.neglectexchange.platform.caller.Caller;
import uk.org.neglectexchange.platform.idempotency.IdempotentRequests;
import uk.org.neglectexchange.platform.idempotency.IdempotentRequests.Applied;
import uk.org.neglectexchange.platform.problem.Problem;
import uk.org.neglectexchange.platform.problem.ProblemException;

/** What a partnership's agencies do with its drift alerts: page through them, filtered, and acknowledge one. */
@ApplicationScoped
public class DriftAlertService {

    @Inject
    Caller caller;

    @Inject
    DriftAlerts alerts;

    @Inject
    Clock clock;

    @Inject
    IdempotentRequests idempotency;

    /** The filters of a listing as sent; each is checked here and named in the 400 when it is not a value we know. */
    public record Filters(String partnership, String rule, String severity, String status, String childRef) {
    }

    /** The caller's partnership's alerts matching the filters, newest first, {@code limit} to a page. */
    @Transactional
    public DriftAlertView.Page page(Filters filters, int limit, String cursor) {
        String own = ownPartnership();
        if (filters.partnership() != null && !filters.partnership().equals(own)) {
            throw new ProblemException(403, "Forbidden", "Alerts of another partnership are not visible",
                    List.of(new Problem.FieldError("partnership", "must be the caller's partnership")));
        }
        StringBuilder where = new StringBuilder("partnership = :partnership");
        Map<String, Object> params = new HashMap<>(Map.of("partnership", own));
        if (filters.rule() != null) {
            if (!filters.rule().matches("D([1-9]|1[01])")) {
                throw ProblemException.badRequest("rule", "must be one of D1 to D11");
            }
            where.append(" and rule = :rule");
            params.put("rule", filters.rule());
        }
        if (filters.severity() != null) {
            where.append(" and severity = :severity");
            params.put("severity", parse(Severity.class, "severity", filters.severity()));
        }
        if (filters.status() != null) {
            where.append(" and status = :status");
            params.put("status", parse(AlertStatus.class, "status", filters.status()));
        }
        if (filters.childRef() != null) {
            where.append(" and childRef = :childRef");
            params.put("childRef", filters.childRef());
        }
        if (cursor != null) {
            where.append(" and sequenceNo < :cursor");
            params.put("cursor", parseCursor(cursor));
        }
        List<DriftAlert> page = DriftAlert.<DriftAlert>find(where + " order by sequenceNo desc", params)
                .page(0, limit + 1).list();
        List<DriftAlertView> items = new ArrayList<>();
        page.stream().limit(limit).forEach(a -> items.add(DriftAlertView.of(a, alerts.evidence(a))));
        String next = page.size() > limit ? String.valueOf(page.get(limit - 1).sequenceNo) : null;
        return new DriftAlertView.Page(items, next);
    }

    /** An acknowledgement as its Idempotency-Key is checked: the same note for another alert is another request. */
    private record KeyedAcknowledgement(String alertId, Acknowledgement acknowledgement) {
    }

    /**
     * Acknowledges an open alert with the practitioner's note; it clears only when its condition ends. A retry with
     * the same Idempotency-Key is answered with the alert, its first acknowledgement unchanged.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public DriftAlertView acknowledge(String id, String practitionerId, Acknowledgement request, String idempotencyKey) {
        DriftAlert alert = find(id, ownPartnership());
        DriftAlert acknowledged = idempotency.once(idempotencyKey, new KeyedAcknowledgement(id, request), previous -> alert,
                () -> {
                    if (alert.status == AlertStatus.CLEARED) {
                        throw ProblemException.conflict("The alert has cleared: its condition has ended");
                    }
                    alert.status = AlertStatus.ACKNOWLEDGED;
                    alert.acknowledgedBy = practitionerId;
                    // as PostgreSQL keeps it, so a retry's answer (read back) is the first answer
                    alert.acknowledgedAt = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
                    alert.acknowledgementNote = request.note();
                    return Applied.withStatus(200, alert.id, alert);
                });
        return DriftAlertView.of(acknowledged, alerts.evidence(acknowledged));
    }

    private String ownPartnership() {
        if (caller.partnership() == null) {
            throw ProblemException.forbidden("The token names no partnership: alerts belong to a partnership");
        }
        return caller.partnership();
    }

    private static DriftAlert find(String id, String partnership) {
        DriftAlert alert;
        try {
            alert = DriftAlert.findById(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            alert = null;
        }
        if (alert == null || !alert.partnership.equals(partnership)) {
            throw ProblemException.notFound("No drift alert with this id in your partnership");
        }
        return alert;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(field, "must be one of " + List.of(type.getEnumConstants()));
        }
    }

    private static Long parseCursor(String cursor) {
        try {
            return Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("cursor", "must be a nextCursor from a previous page");
        }
    }
}
