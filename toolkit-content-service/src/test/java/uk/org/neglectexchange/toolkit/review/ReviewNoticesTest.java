package uk.org.neglectexchange.toolkit.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import uk.org.neglectexchange.toolkit.edition.Edition;
import uk.org.neglectexchange.toolkit.edition.EditionStatus;

class ReviewNoticesTest {

    private static final LocalDate REVIEW_DUE_ON = LocalDate.of(2026, 3, 31);
    private final ReviewNotices notices = new ReviewNotices(Period.ofDays(30));

    @ParameterizedTest
    @CsvSource({
            "2025-03-31, CURRENT",
            "2026-02-28, CURRENT",
            "2026-03-01, DUE",
            "2026-03-30, DUE",
            "2026-03-31, DUE",
            "2026-04-01, OVERDUE",
            "2027-04-01, OVERDUE" })
    void aPublishedEditionIsDueThirtyDaysAheadAndOverdueTheDayAfter(LocalDate today, ReviewStatus expected) {
        assertEquals(Optional.of(expected), notices.statusOn(edition(EditionStatus.PUBLISHED), today));
    }

    @ParameterizedTest
    @CsvSource({ "2026-01-30, CURRENT", "2026-01-31, DUE" })
    void theNoticePeriodIsConfigurable(LocalDate today, ReviewStatus expected) {
        assertEquals(Optional.of(expected), new ReviewNotices(Period.ofMonths(2)).statusOn(edition(EditionStatus.PUBLISHED), today));
    }

    @ParameterizedTest
    @EnumSource(value = EditionStatus.class, names = "PUBLISHED", mode = EnumSource.Mode.EXCLUDE)
    void onlyThePublishedEditionIsReviewed(EditionStatus status) {
        assertTrue(notices.statusOn(edition(status), REVIEW_DUE_ON.plusYears(1)).isEmpty());
    }

    private static Edition edition(EditionStatus status) {
        Edition edition = new Edition();
        edition.status = status;
        edition.reviewDueOn = status == EditionStatus.DRAFT ? null : REVIEW_DUE_ON;
        return edition;
    }
}
