package uk.org.neglectexchange.toolkit.review;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import uk.org.neglectexchange.toolkit.edition.Edition;

/**
 * Data of the {@code toolkit.review.due} and {@code toolkit.review.overdue} events
 * (docs/events/toolkit.review.due.json, docs/events/toolkit.review.overdue.json): which edition needs its annual
 * review, and how long is left ({@code daysUntilDue} is negative once it is overdue).
 */
public record ReviewNotice(
        String family,
        String version,
        List<String> partnerships,
        OffsetDateTime publishedAt,
        LocalDate reviewDueOn,
        long daysUntilDue) {

    public static final String DUE_TYPE = "toolkit.review.due";
    public static final String OVERDUE_TYPE = "toolkit.review.overdue";

    static ReviewNotice of(Edition edition, LocalDate today) {
        return new ReviewNotice(edition.family.name(), edition.version, edition.family.partnerships(),
                edition.publishedAt, edition.reviewDueOn, ChronoUnit.DAYS.between(today, edition.reviewDueOn));
    }

    static String type(ReviewStatus kind) {
        return switch (kind) {
            case DUE -> DUE_TYPE;
            case OVERDUE -> OVERDUE_TYPE;
            case CURRENT -> throw new IllegalArgumentException("a current edition needs no review notice");
        };
    }
}
