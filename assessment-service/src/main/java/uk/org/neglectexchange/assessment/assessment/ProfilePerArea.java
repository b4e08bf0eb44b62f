package uk.org.neglectexchange.assessment.assessment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The assessment's profile, area by area, in the style of the Graded Care Profile 2: how many observations, the
 * worst grade and the median grade. The sources define no composite score, so none is made up here.
 */
public final class ProfilePerArea {

    public static final String BASIS = "Per indicator area: number of observations, worst grade and median grade "
            + "(1 = needs met, child first; 5 = needs unmet or hostile). No total score: the toolkit defines none.";

    /** worstGrade and medianGrade are null where no observation was made. */
    public record Area(String area, int observations, Integer worstGrade, Double medianGrade) {
    }

    private ProfilePerArea() {
    }

    /** Every area of the child's chart, in the edition's order, then any other area observed. */
    public static List<Area> of(List<String> chartAreas, List<Observation> observations) {
        Set<String> areas = new LinkedHashSet<>(chartAreas);
        observations.forEach(o -> areas.add(o.area()));
        List<Area> profile = new ArrayList<>();
        for (String area : areas) {
            List<Integer> grades = observations.stream().filter(o -> o.area().equals(area)).map(Observation::grade)
                    .sorted().toList();
            profile.add(grades.isEmpty() ? new Area(area, 0, null, null)
                    : new Area(area, grades.size(), grades.get(grades.size() - 1), median(grades)));
        }
        return profile;
    }

    private static double median(List<Integer> sorted) {
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
    }
}
