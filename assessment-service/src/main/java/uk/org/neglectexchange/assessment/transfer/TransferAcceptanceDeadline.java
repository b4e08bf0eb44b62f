package uk.org.neglectexchange.assessment.transfer;

import java.time.LocalDate;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import uk.org.neglectexchange.platform.calendar.WorkingDayCalendar;

/**
 * A transfer is accepted within {@code nx.transfer.acceptance-working-days} working days of the day it was asked for
 * (a date in England): the child is meanwhile held by a partnership that is letting it go, so its wait is bounded.
 */
@Singleton
public class TransferAcceptanceDeadline {

    private final WorkingDayCalendar calendar;
    private final TransferConfig config;

    @Inject
    public TransferAcceptanceDeadline(WorkingDayCalendar calendar, TransferConfig config) {
        this.calendar = calendar;
        this.config = config;
    }

    public LocalDate acceptBy(LocalDate requestedOn) {
        return calendar.plusWorkingDays(requestedOn, config.acceptanceWorkingDays());
    }
}
