package uk.org.neglectexchange.toolkit.edition;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** MAJOR.MINOR.PATCH of an edition; a new edition's version must be greater than every earlier one. */
public record SemanticVersion(int major, int minor, int patch) implements Comparable<SemanticVersion> {

    public static final String PATTERN = "^(0|[1-9]\\d{0,5})\\.(0|[1-9]\\d{0,5})\\.(0|[1-9]\\d{0,5})$";
    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    public static SemanticVersion parse(String text) {
        Matcher m = COMPILED.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a semantic version MAJOR.MINOR.PATCH");
        }
        return new SemanticVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }

    @Override
    public int compareTo(SemanticVersion other) {
        int byMajor = Integer.compare(major, other.major);
        if (byMajor != 0) {
            return byMajor;
        }
        int byMinor = Integer.compare(minor, other.minor);
        return byMinor != 0 ? byMinor : Integer.compare(patch, other.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
