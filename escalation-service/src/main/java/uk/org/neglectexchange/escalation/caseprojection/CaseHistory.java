package uk.org.neglectexchange.escalation.caseprojection;

import java.util.Comparator;
import java.util.List;

/** Everything the projection holds about one child, facts in date order: what each drift rule evaluates. */
public record CaseHistory(String childRef, String partnership, List<CaseFact> facts) {

    public CaseHistory {
        facts = facts.stream().sorted(Comparator.comparing(CaseFact::on).thenComparing(CaseFact::id)).toList();
    }

    public List<CaseFact> of(FactKind kind) {
        return facts.stream().filter(f -> f.kind() == kind).toList();
    }
}
