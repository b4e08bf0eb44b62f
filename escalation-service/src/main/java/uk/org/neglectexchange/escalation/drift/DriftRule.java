package uk.org.neglectexchange.escalation.drift;

import java.time.LocalDate;
import java.util.List;

import uk.org.neglectexchange.escalation.caseprojection.CaseHistory;

/** One of RULES.md's drift and delay rules: the conditions that hold for a child's case on a given day. */
public interface DriftRule {

    String code();

    List<Condition> conditions(CaseHistory history, DriftSettings settings, LocalDate today);
}
