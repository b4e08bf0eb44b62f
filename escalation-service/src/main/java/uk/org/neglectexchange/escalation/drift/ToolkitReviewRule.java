package uk.org.neglectexchange.escalation.drift;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Singleton;

import uk.org.neglectexchange.escalation.procedure.PartnershipProcedure;

/**
 * D9: the partnership's toolkit edition is past its review date, toolkitReviewMonths after publication (the WS
 * strategy's annual review of tools and guidance). Per partnership, not per child; a newer edition ends it.
 */
@Singleton
public class ToolkitReviewRule {

    static final String CODE = "D9";

    public Optional<Condition> condition(PartnershipProcedure edition, DriftSettings settings, LocalDate today) {
        LocalDate published = edition.publishedAt.atZoneSameInstant(ZoneId.of("Europe/London")).toLocalDate();
        if (!today.isAfter(published.plusMonths(settings.value("toolkitReviewMonths")))) {
            return Optional.empty();
        }
        return Optional.of(new Condition(CODE, edition.toolkitFamily + ":" + edition.toolkitVersion, Severity.AMBER,
                List.of(new Evidence("TOOLKIT_EDITION_PUBLISHED", edition.sourceEventId, edition.sourceEventId, published))));
    }
}
