package uk.org.neglectexchange.escalation.drift;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Singleton;

import uk.org.neglectexchange.escalation.caseprojection.CaseFact;
import uk.org.neglectexchange.escalation.caseprojection.CaseHistory;
import uk.org.neglectexchange.escalation.caseprojection.FactKind;

/**
 * D10: a transfer the receiving partnership has not accepted by its deadline ({@code acceptBy} of
 * child.transfer-requested: the assessment service's {@code nx.transfer.acceptance-working-days} working days after the
 * request). The alert goes to the receiving partnership, whose children's services has to accept; the acceptance ends
 * it. The deadline comes with the request, so the rule needs no setting of the edition.
 */
@Singleton
public class TransferAcceptanceRule implements DriftRule {

    @Override
    public String code() {
        return "D10";
    }

    @Override
    public List<Condition> conditions(CaseHistory history, DriftSettings settings, LocalDate today) {
        Set<UUID> accepted = history.of(FactKind.TRANSFER_ACCEPTED).stream().map(CaseFact::refId).collect(Collectors.toSet());
        return history.of(FactKind.TRANSFER_REQUESTED).stream()
                .filter(request -> !accepted.contains(request.id()))
                // a child already with the receiving partnership has been taken on, whatever event said so
                .filter(request -> !request.partnership().equals(history.partnership()))
                .filter(request -> today.isAfter(request.dueOn()))
                .map(request -> new Condition(code(), "transfer:" + request.id(), Severity.AMBER,
                        List.of(Evidence.of(request)), request.partnership()))
                .toList();
    }
}
