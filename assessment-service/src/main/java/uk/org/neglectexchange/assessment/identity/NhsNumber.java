package uk.org.neglectexchange.assessment.identity;

/**
 * A valid NHS number: 10 digits whose last is the modulus-11 check digit of the first nine (weights 10..2;
 * 11 → 0, 10 → invalid). The 999 range is for testing and is refused unless the deployment allows it.
 * {@link #toString()} never shows the number, so it cannot leak into a log line by accident.
 */
public final class NhsNumber {

    private final String digits;

    private NhsNumber(String digits) {
        this.digits = digits;
    }

    /** @throws IllegalArgumentException with a message that never repeats the input */
    public static NhsNumber parse(String text, boolean allowTestRange) {
        String digits = text == null ? "" : text.replaceAll("[\\s-]", "");
        if (!digits.matches("\\d{10}")) {
            throw new IllegalArgumentException("must be 10 digits");
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - (sum % 11);
        if (check == 11) {
            check = 0;
        }
        if (check == 10 || check != digits.charAt(9) - '0') {
            throw new IllegalArgumentException("fails the NHS number check digit");
        }
        if (digits.startsWith("999") && !allowTestRange) {
            throw new IllegalArgumentException("is in the 999 test range, which this deployment refuses");
        }
        return new NhsNumber(digits);
    }

    public String digits() {
        return digits;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NhsNumber n && n.digits.equals(digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }

    @Override
    public String toString() {
        return "NhsNumber[redacted]";
    }
}
