package uk.org.neglectexchange.toolkit.survey;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds free text that looks like it identifies a child, so a survey answer about practice never becomes a record
 * about a person. Deliberately suspicious: a false positive costs the practitioner a rewording, a false negative
 * puts a child's details where no one expects them. It reports only the KIND of data found, never the text.
 * <ul>
 * <li>NHS number: 10 digits, optionally spaced or hyphenated 3-3-4, passing the modulus-11 check (RULES.md); ten
 * digits failing the check are not an NHS number.</li>
 * <li>Date of birth: any full date (day, month and year) as 12/03/2019, 12-03-19, 12.03.2019 (dotted dates need
 * a four-digit year, so "version 2.1.10" is not a date), 2019-03-12,
 * 12 March 2019, 12th Mar 2019 or March 12, 2019. A month and year alone ("since March 2019") is accepted.</li>
 * <li>Postcode: the UK shape outward code + inward code ("PO19 1RQ", "so166yd"), in any case.</li>
 * <li>Email address, and phone number: a UK number starting 0 or +44 with 10–11 national digits.</li>
 * <li>Name: "named X", "her/his/their name is X", or a capitalised given-name + family-name pair after child,
 * boy, girl, baby, son, daughter, brother, sister, sibling, toddler, infant or teenager ("the girl Amy Jones").
 * Capitalised practice terms ("child Protection Plan", "baby Early Help") are not names.</li>
 * </ul>
 */
public final class PersonalDataInFreeText {

    public enum Kind {
        NHS_NUMBER("an NHS number"),
        DATE_OF_BIRTH("a date that could be a date of birth"),
        POSTCODE("a postcode"),
        EMAIL_ADDRESS("an email address"),
        PHONE_NUMBER("a phone number"),
        NAME("a child's name");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    private static final Pattern TEN_DIGITS = Pattern.compile("(?<![\\d-])(\\d{3})[ -]?(\\d{3})[ -]?(\\d{4})(?![\\d-])");

    private static final String MONTH = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
            + "|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
    private static final String DAY = "(?:0?[1-9]|[12]\\d|3[01])";
    private static final Pattern DATE = Pattern.compile(String.join("|",
            "\\b" + DAY + "[/-](?:0?[1-9]|1[0-2])[/-](?:\\d{4}|\\d{2})\\b",
            "\\b" + DAY + "\\.(?:0?[1-9]|1[0-2])\\.\\d{4}\\b",
            "\\b\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])\\b",
            "\\b" + DAY + "(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH + "\\.?,?\\s+\\d{4}\\b",
            "\\b" + MONTH + "\\.?\\s+" + DAY + "(?:st|nd|rd|th)?,?\\s+\\d{4}\\b"), Pattern.CASE_INSENSITIVE);

    private static final Pattern POSTCODE = Pattern.compile("\\b[A-Z]{1,2}\\d[A-Z\\d]?\\s?\\d[A-Z]{2}\\b",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");

    private static final Pattern PHONE = Pattern.compile("(?<![\\d+])(?:\\+44|0)[\\d ()-]{8,15}\\d");

    private static final String CAPITALISED = "[A-Z](?:[a-z]+|'[A-Z][a-z]+)(?:-[A-Z][a-z]+)?";
    private static final Pattern NAMED = Pattern.compile(
            "\\b(?i:named|(?:his|her|their|the child's) name is)\\s+(" + CAPITALISED + ")");
    private static final Pattern CHILD_NAME = Pattern.compile(
            "\\b(?i:child|boy|girl|baby|son|daughter|brother|sister|sibling|toddler|infant|teenager)"
                    + ",?\\s+(" + CAPITALISED + ")\\s+(" + CAPITALISED + ")");

    /** Capitalised words practitioners put after "child" or "baby" that are services, not names. */
    private static final Set<String> PRACTICE_WORDS = Set.of("Protection", "Plan", "Plans", "Conference", "Conferences",
            "In", "Need", "Services", "Service", "Social", "Care", "Looked", "After", "Early", "Help", "Health",
            "Mental", "Development", "Centre", "Centres", "Exploitation", "Sexual", "Criminal", "Sexually", "Voice",
            "Lived", "Experience", "Team", "Teams", "Panel", "Practice", "Review", "Reviews", "Safeguarding",
            "Neglect", "Graded", "Profile", "Friendly", "First", "Poverty", "Assessment", "Assessments", "Death",
            "Deaths", "Unborn", "Bank", "Clinic", "Board", "Partnership", "Missing", "From", "Home", "Education");

    private PersonalDataInFreeText() {
    }

    /** The kinds of personal data the text appears to hold, in {@link Kind} order; empty when it reads as practice. */
    public static List<Kind> find(String text) {
        List<Kind> found = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return found;
        }
        if (TEN_DIGITS.matcher(text).results().anyMatch(m -> isNhsNumber(m.group(1) + m.group(2) + m.group(3)))) {
            found.add(Kind.NHS_NUMBER);
        }
        if (DATE.matcher(text).find()) {
            found.add(Kind.DATE_OF_BIRTH);
        }
        if (POSTCODE.matcher(text).find()) {
            found.add(Kind.POSTCODE);
        }
        if (EMAIL.matcher(text).find()) {
            found.add(Kind.EMAIL_ADDRESS);
        }
        if (PHONE.matcher(text).results().anyMatch(m -> isUkPhoneNumber(m.group()))) {
            found.add(Kind.PHONE_NUMBER);
        }
        if (NAMED.matcher(text).results().anyMatch(m -> !PRACTICE_WORDS.contains(m.group(1))) || hasChildName(text)) {
            found.add(Kind.NAME);
        }
        return found;
    }

    /** RULES.md: weights 10..2 on the first nine digits; check = 11 − (sum mod 11), 11 → 0, 10 → invalid. */
    static boolean isNhsNumber(String tenDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (tenDigits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == tenDigits.charAt(9) - '0';
    }

    private static boolean isUkPhoneNumber(String candidate) {
        String digits = candidate.replaceAll("\\D", "");
        String national = candidate.startsWith("+44") ? digits.substring(2).replaceFirst("^0", "") : digits.substring(1);
        return national.length() == 9 || national.length() == 10;
    }

    private static boolean hasChildName(String text) {
        Matcher m = CHILD_NAME.matcher(text);
        while (m.find()) {
            if (!PRACTICE_WORDS.contains(m.group(1)) && !PRACTICE_WORDS.contains(m.group(2))) {
                return true;
            }
        }
        return false;
    }
}
