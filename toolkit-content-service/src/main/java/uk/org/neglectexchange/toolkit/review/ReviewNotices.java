package uk.org.neglectexchange.toolkit.review;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import uk.org.neglectexchange.toolkit.edition.Edition;
import uk.org.neglectexchange.toolkit.edition.EditionStatus;
import uk.org.neglectexchange.toolkit.edition.ToolkitReviewConfig;

/**
 * D9: a published edition is DUE for review from {@code nx.toolkit.review-due-notice} before its review date and
 * OVERDUE the day after it. Only the family's published edition is reviewed: a superseded one was replaced, which
 * is what a review does, and a draft has no review date yet.
 */
@Singleton
public class ReviewNotices {

    private final Period noticeLead;

    @Inject
    public ReviewNotices(ToolkitReviewConfig config) {
        this(config.reviewDueNotice());
    }

    ReviewNotices(Period noticeLead) {
        this.noticeLead = noticeLead;
    }

    public Optional<ReviewStatus> statusOn(Edition edition, LocalDate today) {
        if (edition.status != EditionStatus.PUBLISHED) {
            return Optional.empty();
        }
        if (today.isAfter(edition.reviewDueOn)) {
            return Optional.of(ReviewStatus.OVERDUE);
        }
        if (!today.isBefore(edition.reviewDueOn.minus(noticeLead))) {
            return Optional.of(ReviewStatus.DUE);
        }
        return Optional.of(ReviewStatus.CURRENT);
    }
}
