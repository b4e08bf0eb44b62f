package uk.org.neglectexchange.toolkit.review;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import uk.org.neglectexchange.platform.outbox.Outbox;
import uk.org.neglectexchange.toolkit.edition.Edition;
import uk.org.neglectexchange.toolkit.edition.ToolkitFamily;

/**
 * Announces each family's annual review (D9): {@code toolkit.review.due} ahead of the review date and
 * {@code toolkit.review.overdue} after it, each once per edition however often the check runs. An edition first
 * checked after its review date gets only the overdue notice: "due" would already be stale.
 */
@ApplicationScoped
public class AnnualReviewJob {

    private static final Logger LOG = Logger.getLogger(AnnualReviewJob.class);

    @Inject
    ReviewNotices notices;

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Scheduled(identity = "annual-review", cron = "${nx.toolkit.review-check.cron:0 0 6 * * ?}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void daily() {
        check(LocalDate.now(clock));
    }

    /** A replica that was down at the scheduled time catches up as it starts. */
    void onStart(@Observes StartupEvent start) {
        check(LocalDate.now(clock));
    }

    /** Sends each family's published edition the notice it is owed on {@code today}, unless it already had it. */
    @Transactional
    public List<ReviewNotice> check(LocalDate today) {
        List<ReviewNotice> sent = new ArrayList<>();
        for (ToolkitFamily family : ToolkitFamily.values()) {
            Optional<Edition> current = Edition.current(family);
            if (current.isEmpty()) {
                continue;
            }
            Edition edition = current.get();
            // a publication under way waits for this check, or this check sees the edition superseded and skips it
            em.refresh(edition, LockModeType.PESSIMISTIC_WRITE);
            Optional<ReviewStatus> kind = notices.statusOn(edition, today).filter(status -> status != ReviewStatus.CURRENT);
            if (kind.isPresent() && recordedFirst(edition, kind.get())) {
                ReviewNotice notice = ReviewNotice.of(edition, today);
                outbox.append(ReviewNotice.type(kind.get()), family.name(), family + "/" + edition.version, null, notice);
                LOG.infof("Review of toolkit %s %s is %s (review date %s)", family, edition.version, kind.get(),
                        edition.reviewDueOn);
                sent.add(notice);
            }
        }
        return sent;
    }

    /** True only for the first notice of this kind: the primary key turns a repeat, even another replica's, into a no-op. */
    private boolean recordedFirst(Edition edition, ReviewStatus kind) {
        return em.createNativeQuery("insert into toolkit_review_notice (edition_id, kind, emitted_at) values (:edition, :kind, :at)"
                + " on conflict do nothing")
                .setParameter("edition", edition.id)
                .setParameter("kind", kind.name())
                .setParameter("at", OffsetDateTime.now(clock))
                .executeUpdate() == 1;
    }
}
