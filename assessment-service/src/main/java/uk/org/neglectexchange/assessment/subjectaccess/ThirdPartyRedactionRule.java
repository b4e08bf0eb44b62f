package uk.org.neglectexchange.assessment.subjectaccess;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a subject access export leaves out because it is about someone other than the child or the requester (UK GDPR
 * Art 15(4); DPA 2018 Sch 2 para 16): the cases, each decided from the data model, are listed in the README
 * ("Subject access"). This class applies the two that are not simply "the field is left out of the export":
 * practitioners' ids are masked (their agency stays), and the names of the household members the exchange holds
 * (carers, siblings) are masked wherever they appear in free text, except a word that is also the child's own name,
 * which is the child's data and cannot be told apart.
 */
public final class ThirdPartyRedactionRule {

    /** What a practitioner's id is replaced with: the DPO sees that one was recorded, not who. */
    public static final String PRACTITIONER = "[practitioner redacted]";

    /** What a household member's name in free text is replaced with. */
    public static final String NAME = "[name redacted]";

    private final Pattern thirdPartyNames;

    private ThirdPartyRedactionRule(Pattern thirdPartyNames) {
        this.thirdPartyNames = thirdPartyNames;
    }

    /**
     * The rule for one child: {@code childNames} are the child's own given and family names, {@code householdNames}
     * every given and family name of its carers and siblings (nulls ignored).
     */
    public static ThirdPartyRedactionRule forChild(Collection<String> childNames, Collection<String> householdNames) {
        Set<String> own = words(childNames).map(w -> w.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        List<String> masked = words(householdNames)
                // a single letter would mask initials and words everywhere
                .filter(w -> w.length() > 1 && !own.contains(w.toLowerCase(Locale.ROOT)))
                .distinct()
                // longest first, so "Anne-Marie" is masked whole before "Anne"
                .sorted((a, b) -> b.length() - a.length())
                .toList();
        if (masked.isEmpty()) {
            return new ThirdPartyRedactionRule(null);
        }
        String alternatives = masked.stream().map(Pattern::quote).collect(Collectors.joining("|"));
        return new ThirdPartyRedactionRule(Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }

    /** A practitioner's id, masked; none stays none. */
    public static String practitioner(String practitionerId) {
        return practitionerId == null ? null : PRACTITIONER;
    }

    /** Free text with every household member's name masked. */
    public String text(String text) {
        return text == null || thirdPartyNames == null ? text
                : thirdPartyNames.matcher(text).replaceAll(Matcher.quoteReplacement(NAME));
    }

    public List<String> texts(List<String> texts) {
        return texts == null ? null : texts.stream().map(this::text).toList();
    }

    /** A name may be several words ("Mary Anne"): each word is a name on its own. */
    private static Stream<String> words(Collection<String> names) {
        return names.stream().filter(Objects::nonNull).flatMap(n -> Pattern.compile("\\s+").splitAsStream(n.strip()))
                .filter(w -> !w.isBlank());
    }
}
