package uk.org.neglectexchange.toolkit.survey;

import java.util.Arrays;
import java.util.Optional;

/**
 * The neglect practice survey the WS strategy asks every practitioner to complete ("we want your help in reviewing
 * the tools, guidance, and training available"). Fixed in code and versioned: a response keeps the version it
 * answered, and results only ever aggregate answers to the same questions.
 */
public final class PracticeSurveyQuestions {

    public static final int VERSION = 1;

    private PracticeSurveyQuestions() {
    }

    /** The 1–5 questions; {@code field} is the request and results name, {@code column} where the score is stored. */
    public enum Scale {
        HOWE_CATEGORIES_FAMILIARITY("howeCategoriesFamiliarity", "howe_categories_familiarity",
                "How familiar are you with Howe's four categories of neglect? (1 not at all – 5 use them every day)"),
        CONFIDENCE_IDENTIFYING_NEGLECT("confidenceIdentifyingNeglect", "confidence_identifying_neglect",
                "How confident are you in identifying neglect? (1 not at all – 5 very)"),
        TOOLS_USEFUL("toolsUseful", "tools_useful",
                "How useful were this edition's tools and guidance in your work? (1 not at all – 5 very)");

        private final String field;
        private final String column;
        private final String question;

        Scale(String field, String column, String question) {
            this.field = field;
            this.column = column;
            this.question = question;
        }

        public String field() {
            return field;
        }

        String column() {
            return column;
        }

        public String question() {
            return question;
        }
    }

    /** The strategy's 11 best-practice approaches, as stable codes a practitioner ticks when they apply them. */
    public enum Approach {
        TAKE_LONG_TERM_VIEW("Take a long term view; think about the family now, in the past and in the future"),
        ADDRESS_UNDERLYING_CAUSES("Address underlying causes; including the impact of neglect on adolescents"),
        HOLD_CHILD_AT_CENTRE("Hold the child at the centre; challenge and change how we work if the child needs you to"),
        HEAR_THE_CHILD("Hear the child; seek to understand their lived experience"),
        KNOW_OUR_CHILDREN("Know the children we work with across our diverse community"),
        RANGE_OF_INTERVENTIONS("Consider a range of interventions; tailor the response to the family"),
        WHOLE_SYSTEM("Whole system approach; consider the impact of parental issues on children"),
        CHALLENGE_DRIFT_AND_DELAY("Promote best practice; challenge and escalate concerns about drift and delay"),
        SUPPORT_EARLY_HELP("Support early help approaches"),
        COLLABORATE_AND_SHARE("Collaborate; use best practice in information sharing"),
        ESCALATE_AND_CHAMPION("Escalation; championing the child and challenging decisions that won't improve outcomes");

        private final String description;

        Approach(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }

        public static Optional<Approach> parse(String code) {
            return Arrays.stream(values()).filter(a -> a.name().equals(code)).findFirst();
        }
    }
}
