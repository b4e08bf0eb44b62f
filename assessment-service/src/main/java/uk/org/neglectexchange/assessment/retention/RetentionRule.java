package uk.org.neglectexchange.assessment.retention;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which retention class a child's record is in and the day it may be disposed of (RULES.md "Retention"). Every class
 * the record qualifies for is counted and the one keeping it longest wins, so a looked-after child who was also on a
 * protection plan is kept for the later of the two ends:
 * <ul>
 * <li>looked after (ever on a LOOKED_AFTER plan): the 75th anniversary of birth;</li>
 * <li>child protection (ever on a CHILD_PROTECTION plan, or a CONFERENCE in the chronology): 35 years after the last
 * contact;</li>
 * <li>no further action (no plan, assessment or conference, every referral decided NO_FURTHER_ACTION, and closed):
 * 6 years after the closure;</li>
 * <li>otherwise child in need / early help: 3 years after the later of the 18th birthday and the last activity.</li>
 * </ul>
 * A child registered unborn has no date of birth: its expected date of birth counts in its place until a birth is
 * recorded (the expected date is the best the record knows, and a birth replaces it).
 */
public final class RetentionRule {

    private RetentionRule() {
    }

    /**
     * What the rule reads of a child's record. {@code birth} is the date of birth (or expected), decrypted for this
     * evaluation only; {@code lastActivity} the latest chronology, assessment or plan date; {@code noFurtherActionClosedOn}
     * the closure of a record that was only ever referrals decided with no further action.
     */
    public record Facts(LocalDate birth, boolean everLookedAfter, boolean everChildProtection, LocalDate lastActivity,
            Optional<LocalDate> noFurtherActionClosedOn) {
    }

    public record Disposal(RetentionClass retentionClass, LocalDate disposeOn) {

        public boolean due(LocalDate today) {
            return !disposeOn.isAfter(today);
        }
    }

    public static Disposal disposal(Facts facts, RetentionConfig config) {
        List<Disposal> classes = new ArrayList<>();
        if (facts.everLookedAfter()) {
            classes.add(new Disposal(RetentionClass.LOOKED_AFTER, facts.birth().plusYears(config.lookedAfterYearsAfterBirth())));
        }
        if (facts.everChildProtection()) {
            classes.add(new Disposal(RetentionClass.CHILD_PROTECTION,
                    facts.lastActivity().plusYears(config.childProtectionYearsAfterLastContact())));
        }
        if (classes.isEmpty() && facts.noFurtherActionClosedOn().isPresent()) {
            classes.add(new Disposal(RetentionClass.NO_FURTHER_ACTION,
                    facts.noFurtherActionClosedOn().get().plusYears(config.noFurtherActionYearsAfterClosure())));
        }
        if (classes.isEmpty()) {
            LocalDate adult = facts.birth().plusYears(config.childInNeedUntilAge());
            LocalDate from = adult.isAfter(facts.lastActivity()) ? adult : facts.lastActivity();
            classes.add(new Disposal(RetentionClass.CHILD_IN_NEED, from.plusYears(config.childInNeedInactiveYears())));
        }
        return classes.stream().max(Comparator.comparing(Disposal::disposeOn)).orElseThrow();
    }
}
